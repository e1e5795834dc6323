import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CauseCode, ModelScores } from '@kefu/contracts';
import { CauseClassifier, foldOf, type LabelledText } from './cause-classifier.js';
import { evaluate } from './cause-evaluation.js';
import { CauseModelEntity } from './cause-model.entity.js';
import { loadCorpus } from './corpus.js';

/** One fifth of every labelled text, chosen by its hash, is never trained on: models are compared on it. */
const HELD_OUT_FOLDS = 5;
const isHeldOut = (d: LabelledText) => foldOf(d.text, HELD_OUT_FOLDS) === 0;

const scoresOf = (classifier: CauseClassifier, heldOut: LabelledText[]): ModelScores => {
  const r = evaluate(classifier, heldOut);
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return { macroF1: round(r.macroF1), accuracy: round(r.accuracy), calibrationError: round(r.calibrationError), samples: r.samples };
};

/**
 * Trains and versions the root-cause classifier: the corpus written for the desk plus every cause an
 * agent confirmed. A new version replaces the active one only if it scores at least as well on the
 * held-out split; otherwise it is recorded as rejected and the previous model stays.
 */
@Injectable()
export class CauseTrainingService {
  private readonly logger = new Logger(CauseTrainingService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The active model with its weights (training the first one if there is none). */
  async active(): Promise<CauseModelEntity> {
    return (await this.loadActive(this.db.manager)) ?? this.locked(async (m) => (await this.loadActive(m)) ?? this.trainFirst(m));
  }

  /** The scheduled retrain. Returns the recorded version, or null when no agent label was added since. */
  async retrain(note = 'scheduled retrain'): Promise<CauseModelEntity | null> {
    return this.locked(async (m) => {
      const current = (await this.loadActive(m)) ?? (await this.trainFirst(m));
      const agent = await this.agentLabels(m);
      if (agent.length === current.agentSamples) return null;
      const { train, heldOut, corpusSize } = this.dataset(agent);
      const candidate = CauseClassifier.train(train);
      const scores = scoresOf(candidate, heldOut);
      const previousScores = scoresOf(CauseClassifier.fromJSON(current.model!), heldOut);
      const better = scores.macroF1 >= previousScores.macroF1;
      if (better) await m.getRepository(CauseModelEntity).update({ id: current.id }, { status: 'retired' });
      const saved = await m.getRepository(CauseModelEntity).save({
        status: better ? 'active' : 'rejected',
        corpusSamples: corpusSize,
        agentSamples: agent.length,
        scores,
        previousScores,
        note: better ? note : `${note}: macro-F1 ${scores.macroF1} < ${previousScores.macroF1} of version ${current.version}, kept the previous model`,
        model: better ? candidate.toJSON() : null,
      } as CauseModelEntity);
      this.logger.log(`cause model v${saved.version} ${saved.status}: macro-F1 ${scores.macroF1} (previous ${previousScores.macroF1})`);
      return saved;
    });
  }

  versions(limit = 50): Promise<CauseModelEntity[]> {
    return this.db.getRepository(CauseModelEntity).find({ order: { version: 'DESC' }, take: limit });
  }

  private async trainFirst(m: EntityManager): Promise<CauseModelEntity> {
    const agent = await this.agentLabels(m);
    const { train, heldOut, corpusSize } = this.dataset(agent);
    const classifier = CauseClassifier.train(train);
    const saved = await m.getRepository(CauseModelEntity).save({
      status: 'active',
      corpusSamples: corpusSize,
      agentSamples: agent.length,
      scores: scoresOf(classifier, heldOut),
      previousScores: null,
      note: 'first model, from the corpus',
      model: classifier.toJSON(),
    } as CauseModelEntity);
    this.logger.log(`cause model v${saved.version} trained: macro-F1 ${saved.scores.macroF1} on ${heldOut.length} held-out messages`);
    return saved;
  }

  private dataset(agent: LabelledText[]) {
    const corpus = loadCorpus();
    const all = [...corpus, ...agent];
    return { train: all.filter((d) => !isHeldOut(d)), heldOut: all.filter(isHeldOut), corpusSize: corpus.length };
  }

  private async agentLabels(m: EntityManager): Promise<LabelledText[]> {
    const rows: { text: string; cause: CauseCode }[] = await m.query(`SELECT customer_reason AS text, cause FROM tickets WHERE cause_source = 'agent' AND cause IS NOT NULL ORDER BY created_at, id`);
    return rows;
  }

  private loadActive(m: EntityManager): Promise<CauseModelEntity | null> {
    return m.getRepository(CauseModelEntity).createQueryBuilder('c').addSelect('c.model').where(`c.status = 'active'`).getOne();
  }

  /** One trainer at a time across every process (api instances, workers). */
  private locked<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('kefu:cause_models'))`);
      return fn(m);
    });
  }
}
