import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/icons';
import { splitWatchers, type Watcher } from './activity-state';

const MAX_AVATARS = 3;

const nameList = (watchers: readonly Watcher[], lang: string): string =>
  new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(watchers.map((w) => w.userName));

/** "Lily is typing… · Tom is viewing" / "Lily 正在输入… · Tom 正在查看". */
export function describeWatchers(watchers: readonly Watcher[], t: TFunction, lang: string): string {
  const { typing, viewing } = splitWatchers(watchers);
  const parts: string[] = [];
  if (typing.length) parts.push(t('activity.typing', { count: typing.length, names: nameList(typing, lang) }));
  if (viewing.length) parts.push(t('activity.viewing', { count: viewing.length, names: nameList(viewing, lang) }));
  return parts.join(' · ');
}

/** In the conversation header: who else has this conversation open, and whether they are typing. */
export function ActivityIndicator({ watchers }: { watchers: readonly Watcher[] }) {
  const { t, i18n } = useTranslation();
  if (watchers.length === 0) return null;
  const typing = watchers.some((w) => w.state === 'typing');
  const shown = [...watchers].sort((a, b) => (a.state === b.state ? 0 : a.state === 'typing' ? -1 : 1)).slice(0, MAX_AVATARS);
  return (
    <div className={`activity activity--${typing ? 'typing' : 'viewing'}`} data-testid="activity-indicator" data-state={typing ? 'typing' : 'viewing'} role="status" aria-live="polite">
      <span className="activity__avatars" aria-hidden="true">
        {shown.map((w) => (
          <span key={w.userId} className={`activity__avatar${w.state === 'typing' ? ' is-typing' : ''}`}>
            <Avatar name={w.userName} seed={w.userId} size={20} />
          </span>
        ))}
        {watchers.length > MAX_AVATARS && <span className="activity__more">+{watchers.length - MAX_AVATARS}</span>}
      </span>
      {typing ? (
        <span className="typing-dots" aria-hidden="true">
          <i />
          <i />
          <i />
        </span>
      ) : (
        <Icon name="eye" size={13} />
      )}
      <span className="activity__text">{describeWatchers(watchers, t, i18n.language)}</span>
    </div>
  );
}

/** On an inbox row: a small eye (or pencil while typing) when someone else has the chat open. */
export const ActivityMarker = memo(function ActivityMarker({ watchers }: { watchers: readonly Watcher[] }) {
  const { t, i18n } = useTranslation();
  if (watchers.length === 0) return null;
  const typing = watchers.some((w) => w.state === 'typing');
  const label = describeWatchers(watchers, t, i18n.language);
  return (
    <span className={`row-activity${typing ? ' is-typing' : ''}`} data-testid="row-activity" title={label} role="img" aria-label={label}>
      <Icon name={typing ? 'pencil' : 'eye'} size={12} strokeWidth={2} />
      {watchers.length > 1 && <span>{watchers.length}</span>}
    </span>
  );
});
