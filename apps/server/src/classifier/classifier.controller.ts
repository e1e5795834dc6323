import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { CauseModelVersion, ClassifyInput, ClassifyResult, JobName, type JobPayloads, type Page, page, QueueName, RetrainQueued } from '@kefu/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/caller.js';
import { ApiZodAccepted, ApiZodBody, ApiZodOk } from '../errors/api-zod.decorator.js';
import { type Parsed, zod } from '../errors/zod.pipe.js';
import { ClassifierService } from './classifier.service.js';
import { CauseTrainingService } from './cause-training.service.js';

@ApiTags('classify')
@ApiBearerAuth()
@Controller('classify')
export class ClassifierController {
  constructor(
    private readonly classifier: ClassifierService,
    private readonly training: CauseTrainingService,
    @InjectQueue(QueueName.Classifier) private readonly queue: Queue,
  ) {}

  /** The root cause of a customer's message, with a calibrated confidence and every cause's score. */
  @Post()
  @HttpCode(200)
  @ApiZodBody(ClassifyInput)
  @ApiOperation({ summary: 'The root cause of a customer\'s message, with a calibrated confidence and every cause\'s score' })
  @ApiZodOk(ClassifyResult)
  classify(@Body(zod(ClassifyInput)) input: Parsed<typeof ClassifyInput>) {
    return this.classifier.classify(input.text);
  }

  /** Every trained version with its held-out scores, newest first. */
  @Get('models')
  @Roles('admin', 'analyst', 'supervisor')
  @ApiOperation({ summary: 'Every trained classifier version with its held-out scores, newest first' })
  @ApiZodOk(page(CauseModelVersion))
  async models(): Promise<Page<CauseModelVersion>> {
    const rows = await this.training.versions();
    const items = rows.map((r) => ({
      version: r.version,
      status: r.status,
      trainedAt: r.trainedAt.toISOString(),
      corpusSamples: r.corpusSamples,
      agentSamples: r.agentSamples,
      scores: r.scores,
      previousScores: r.previousScores,
      note: r.note,
    }));
    return { items, total: items.length, nextCursor: null };
  }

  /** Asks the worker to retrain now (it also does on its schedule). */
  @Post('retrain')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Ask the worker to retrain the classifier now (it also does on its schedule)' })
  @ApiZodAccepted(RetrainQueued)
  async retrain(@CurrentCaller() caller: Caller) {
    const payload: JobPayloads[typeof JobName.RetrainCauses] = { requestedBy: caller.user.id };
    const job = await this.queue.add(JobName.RetrainCauses, payload, { removeOnComplete: 100, removeOnFail: 100 });
    return { queued: true, jobId: job.id };
  }
}
