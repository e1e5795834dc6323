import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LOW_CONFIDENCE, type ClassifyResult } from '@kefu/contracts';
import { CauseClassifier } from './cause-classifier.js';
import { CauseTrainingService } from './cause-training.service.js';

/** How often a process looks for a newer active model (a retrain in the worker). */
const REFRESH_MS = 30_000;

/** The active root-cause model in memory: loaded on first use, swapped when a retrain replaces it. */
@Injectable()
export class ClassifierService {
  private current: { version: number; classifier: CauseClassifier } | null = null;
  private checkedAt = 0;
  private loading: Promise<{ version: number; classifier: CauseClassifier }> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly training: CauseTrainingService,
  ) {}

  async classify(text: string): Promise<ClassifyResult> {
    const { version, classifier } = await this.model();
    const c = classifier.classify(text);
    return { ...c, lowConfidence: c.confidence < LOW_CONFIDENCE, modelVersion: version };
  }

  private model(): Promise<{ version: number; classifier: CauseClassifier }> {
    if (this.current && Date.now() - this.checkedAt < REFRESH_MS) return Promise.resolve(this.current);
    this.loading ??= this.refresh().finally(() => (this.loading = null));
    return this.loading;
  }

  private async refresh() {
    const [row] = await this.db.query(`SELECT version FROM cause_models WHERE status = 'active'`);
    if (!this.current || row?.version !== this.current.version) {
      const active = await this.training.active();
      this.current = { version: active.version, classifier: CauseClassifier.fromJSON(active.model!) };
    }
    this.checkedAt = Date.now();
    return this.current;
  }
}
