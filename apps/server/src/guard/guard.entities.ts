import { GuardEventEntity } from './guard-event.entity.js';
import { GuardReviewScoreEntity } from './guard-review-score.entity.js';
import { GuardRuleEntity } from './guard-rule.entity.js';
import { RuleChangeAckEntity } from './rule-change-ack.entity.js';
import { RuleChangeEntity } from './rule-change.entity.js';
import { StoreGuardProfileEntity } from './store-guard-profile.entity.js';

export const GUARD_ENTITIES = [GuardRuleEntity, GuardEventEntity, StoreGuardProfileEntity, RuleChangeEntity, RuleChangeAckEntity, GuardReviewScoreEntity];
