import { Module } from '@nestjs/common';
import { GuardActivationQueue } from './guard-activation.queue.js';
import { GuardCheckService } from './guard-check.service.js';
import { GuardController } from './guard.controller.js';
import { GuardReviewScoresService } from './guard-review-scores.service.js';
import { GuardReviewService } from './guard-review.service.js';
import { GuardRulesService } from './guard-rules.service.js';
import { ReplyGuard } from './reply-guard.service.js';
import { RuleChangeController } from './rule-change.controller.js';
import { RuleChangeService } from './rule-change.service.js';

/**
 * The reply guard: rules, the check, the hook in the reply path (ReplyGuard), rule changes, the quality review and
 * its scores. Runs in: both (the worker's conversations and client reports use the hook and the review's figures).
 */
@Module({
  controllers: [GuardController, RuleChangeController],
  providers: [GuardActivationQueue, GuardRulesService, GuardCheckService, ReplyGuard, GuardReviewService, GuardReviewScoresService, RuleChangeService],
  exports: [ReplyGuard, GuardCheckService, GuardReviewService],
})
export class GuardModule {}
