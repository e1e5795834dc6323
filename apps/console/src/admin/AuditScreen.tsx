import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '@kefu/contracts';
import { apiErrorOf } from '../data/errors';
import { formatDateTime } from '../time/format';
import { adminApi } from './admin-api';
import { AdminFrame, LoadError } from './AdminFrame';
import { AUDIT_FAMILIES, AUDIT_TARGETS, auditSentence } from './audit-words';
import { ADMIN, usePeople } from './useAdmin';

interface Filters {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}
const NONE: Filters = { actorId: '', action: '', targetType: '', targetId: '', from: '', to: '' };

/** A local date of the filter as the instant it starts (`to` is the day after: the whole day is in). */
const dayStart = (day: string, plusDays = 0) => (day ? new Date(new Date(`${day}T00:00:00`).getTime() + plusDays * 86_400_000).toISOString() : undefined);

/** #/admin/audit — every admin change in words, filtered by who, what, on what and when. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const { people } = usePeople();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [filters, setFilters] = useState<Filters>(NONE);
  const query: Partial<AuditQuery> = {
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    targetType: filters.targetType || undefined,
    targetId: filters.targetId.trim() || undefined,
    from: dayStart(filters.from),
    to: dayStart(filters.to, 1),
    limit: 50,
  };
  const audit = useInfiniteQuery({
    queryKey: [ADMIN, 'audit', query],
    queryFn: ({ pageParam }) => adminApi.audit({ ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const error = apiErrorOf(audit.error);
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <AdminFrame testId="admin-audit" title={t('admin.audit.title')} subtitle={t('admin.audit.subtitle')}>
      <form
        className="admin-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
        data-testid="audit-filters"
      >
        <label>
          <span>{t('admin.audit.actor')}</span>
          <select className="input" value={draft.actorId} onChange={set('actorId')} data-testid="audit-actor">
            <option value="">{t('admin.audit.anyone')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.audit.action')}</span>
          <select className="input" value={draft.action} onChange={set('action')} data-testid="audit-action">
            <option value="">{t('admin.audit.anyAction')}</option>
            {AUDIT_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {t(`admin.audit.families.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.audit.target')}</span>
          <select className="input" value={draft.targetType} onChange={set('targetType')} data-testid="audit-target">
            <option value="">{t('admin.audit.anyTarget')}</option>
            {AUDIT_TARGETS.map((f) => (
              <option key={f} value={f}>
                {t(`admin.audit.targets.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.audit.targetId')}</span>
          <input className="input" value={draft.targetId} onChange={set('targetId')} maxLength={100} />
        </label>
        <label>
          <span>{t('admin.audit.from')}</span>
          <input type="date" className="input" value={draft.from} onChange={set('from')} data-testid="audit-from" />
        </label>
        <label>
          <span>{t('admin.audit.to')}</span>
          <input type="date" className="input" value={draft.to} onChange={set('to')} data-testid="audit-to" />
        </label>
        <button type="submit" className="button button--primary" data-testid="audit-apply">
          {t('admin.audit.apply')}
        </button>
      </form>
      {error && <LoadError error={error} onRetry={() => void audit.refetch()} />}
      {audit.isPending && <span className="spinner" role="status" aria-label="…" />}
      {!audit.isPending && !error && entries.length === 0 && <p className="admin-muted">{t('admin.audit.empty')}</p>}
      <ol className="audit-list" data-testid="audit-list">
        {entries.map((e) => (
          <li key={e.id} className="audit-entry" data-action={e.action}>
            <time className="audit-entry__at" dateTime={e.at}>
              {formatDateTime(e.at, i18n.language)}
            </time>
            <span className="audit-entry__text">{auditSentence(e, t)}</span>
          </li>
        ))}
      </ol>
      {audit.hasNextPage && (
        <button type="button" className="button button--ghost" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {t('admin.audit.more')}
        </button>
      )}
    </AdminFrame>
  );
}
