import { useTranslation } from 'react-i18next';
import type { Presence, SlaSummary, User } from '@kefu/contracts';
import type { ApiRequestError } from '../api/client';
import { PresenceDot } from '../presence/PresenceDot';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/icons';
import { BoardPanel, PanelState } from './BoardPanel';
import { rateLabel, secondsLabel } from './format';

type AgentFigures = SlaSummary['byAgent'][number];

interface Props {
  agents: AgentFigures[] | null;
  loading: boolean;
  error: ApiRequestError | null;
  onRetry(): void;
  userById: Map<string, User>;
  /** Live presence of an agent (undefined while unknown). */
  presenceOf(userId: string): Presence | undefined;
  onReassign(agent: AgentFigures): void;
}

/** Busiest first: the most open conversations, then the most breaches today. */
const byLoad = (a: AgentFigures, b: AgentFigures) =>
  b.openConversations - a.openConversations || b.breachedToday - a.breachedToday || a.agentName.localeCompare(b.agentName, 'zh-CN');

/** Each agent's load and today's response figures. */
export function AgentLoad({ agents, loading, error, onRetry, userById, presenceOf, onReassign }: Props) {
  const { t } = useTranslation();
  const rows = [...(agents ?? [])].sort(byLoad);
  return (
    <BoardPanel id="sla-agents-title" title={t('sla.agents.title')} hint={t('sla.agents.hint')} className="board-panel--agents">
      <PanelState loading={loading} error={error} empty={rows.length === 0} icon="user" title={t('sla.agents.empty')} onRetry={onRetry} />
      {rows.length > 0 && (
        <table className="agent-table" data-testid="sla-agent-load">
          <thead>
            <tr>
              <th scope="col">{t('sla.agents.agent')}</th>
              <th scope="col" className="num" title={t('sla.agents.openHint')}>
                {t('sla.agents.open')}
              </th>
              <th scope="col" className="num" title={t('sla.agents.breachedTodayHint')}>
                {t('sla.agents.breachedToday')}
              </th>
              <th scope="col" className="num" title={t('sla.agents.p50Hint')}>
                {t('sla.agents.p50')}
              </th>
              <th scope="col" className="num" title={t('sla.agents.p90Hint')}>
                {t('sla.agents.p90')}
              </th>
              <th scope="col" className="num">
                {t('sla.agents.breachRate')}
              </th>
              <th scope="col" className="agent-table__actions">
                <span className="sr-only">{t('sla.agents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const max = userById.get(a.agentId)?.maxConcurrent ?? null;
              const full = max !== null && a.openConversations >= max;
              const presence = presenceOf(a.agentId) ?? userById.get(a.agentId)?.presence ?? 'offline';
              return (
                <tr key={a.agentId} data-testid="sla-agent" data-agent-id={a.agentId} data-presence={presence} className={full ? 'is-full' : undefined}>
                  <th scope="row">
                    <span className="agent-table__who">
                      <span className="agent-table__avatar">
                        <Avatar name={a.agentName} seed={a.agentId} size={22} />
                        <PresenceDot presence={presence} ring />
                      </span>
                      <span className="agent-table__name">{a.agentName}</span>
                    </span>
                  </th>
                  <td className="num">
                    <span className="load" title={max !== null ? t('sla.agents.loadTitle', { open: a.openConversations, max }) : undefined}>
                      <span className="load__value">
                        {a.openConversations}
                        {max !== null && <span className="load__max">/{max}</span>}
                      </span>
                      {max !== null && (
                        <span className="load__bar" aria-hidden="true">
                          <span style={{ width: `${Math.min(100, (a.openConversations / max) * 100)}%` }} />
                        </span>
                      )}
                    </span>
                  </td>
                  <td className={`num${a.breachedToday > 0 ? ' is-bad' : ''}`}>{a.breachedToday}</td>
                  <td className="num">{secondsLabel(a.firstResponseP50, t)}</td>
                  <td className="num">{secondsLabel(a.firstResponseP90, t)}</td>
                  <td className={`num${a.breachRate ? ' is-bad' : ''}`}>{rateLabel(a.breachRate, t)}</td>
                  <td className="agent-table__actions">
                    <button
                      type="button"
                      className="icon-button agent-table__reassign"
                      data-testid="reassign-all"
                      title={t('sla.agents.reassignAll')}
                      aria-label={`${t('sla.agents.reassignAll')} ${a.agentName}`}
                      aria-haspopup="dialog"
                      onClick={() => onReassign(a)}
                    >
                      <Icon name="swap" size={14} />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </BoardPanel>
  );
}
