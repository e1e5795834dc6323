import type { TFunction } from 'i18next';
import type { AuditEvent } from '@kefu/contracts';
import { rateLabel } from '../billing/statement-format';

// An audit entry as a sentence: who did what to what, with the fields a change touched named in words.

const SENTENCES = new Set([
  'store.created',
  'store.updated',
  'store.contract_set',
  'channel.created',
  'channel.updated',
  'channel.disabled',
  'channel.enabled',
  'channel.secret_rotated',
  'user.created',
  'user.updated',
  'user.invited',
  'user.invitation_accepted',
  'desk.setup_completed',
  'desk.settings_updated',
]);

const FIELD_KEYS = new Set(['name', 'platform', 'timezone', 'businessHours', 'holidays', 'slaPolicy', 'returnPolicy', 'slaEscalation', 'ticketTemplates', 'responseRule', 'responseExemptions', 'password', 'role', 'storeIds', 'languages', 'maxConcurrent', 'active', 'agencyName', 'agencyLogo']);
const ROLE_KEYS = new Set(['agent', 'supervisor', 'analyst', 'admin']);

/** The action families of the filter (`store` = every `store.*`). */
export const AUDIT_FAMILIES = ['store', 'channel', 'user', 'desk', 'conversation', 'ticket', 'kb', 'report', 'analytics'] as const;
/** The target types of the filter. */
export const AUDIT_TARGETS = ['store', 'channel', 'user', 'desk', 'conversation', 'ticket', 'kb_article', 'report', 'analytics'] as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function auditSentence(e: AuditEvent, t: TFunction, selfName?: (id: string) => string | undefined): string {
  const actor = e.actorName ?? (e.actorId ? (selfName?.(e.actorId) ?? t('admin.audit.someone')) : t('admin.audit.system'));
  const target = e.targetName ?? (e.targetType === 'desk' ? '' : `${(AUDIT_TARGETS as readonly string[]).includes(e.targetType) ? t(`admin.audit.targets.${e.targetType as 'store'}`) : e.targetType} ${e.targetId.slice(0, 8)}`);
  const changed = Array.isArray(e.details.changed) ? (e.details.changed as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  const fields = changed.map((f) => (FIELD_KEYS.has(f) ? t(`admin.audit.fields.${f as 'name'}`) : f)).join(t('admin.audit.fieldSeparator'));
  const role = str(e.details.role);
  const overlap = typeof e.details.overlapSeconds === 'number' ? hours(e.details.overlapSeconds, t) : '';
  if (!SENTENCES.has(e.action)) return t('admin.audit.words.other', { actor, action: e.action, target });
  const key = e.action.replace('.', '_') as 'store_created';
  let sentence = t(`admin.audit.words.${key}`, {
    actor,
    target,
    fields,
    role: role && ROLE_KEYS.has(role) ? t(`roles.${role as 'agent'}`) : (role ?? ''),
    overlap,
    agency: str(e.details.agencyName) ?? '',
    terms: e.action === 'store.contract_set' ? contractTerms(e.details, t) : '',
  });
  if (e.action === 'user.updated' && e.details.active === false) sentence += t('admin.audit.deactivated');
  if (e.action === 'user.updated' && e.details.active === true) sentence += t('admin.audit.reactivated');
  return sentence;
}

/** A contract's terms as the audit entry recorded them ("¥5000 a month, 3.5% commission, 48h window"). */
function contractTerms(d: Record<string, unknown>, t: TFunction): string {
  const { baseFeeMonthly: fee, commissionRate: rate, attributionHours: window } = d;
  if (typeof fee !== 'number' || typeof rate !== 'number' || typeof window !== 'number') return '';
  return t('admin.audit.contractTerms', { fee, rate: rateLabel(rate), hours: window });
}

function hours(seconds: number, t: TFunction): string {
  const h = seconds / 3600;
  return Number.isInteger(h) ? t('time.hours', { count: h }) : t('time.minutes', { count: Math.round(seconds / 60) });
}
