import { useTranslation } from 'react-i18next';
import { Kbd } from '../ui/badges';

const SHORTCUTS: {
  keys: string[][];
  label: 'move' | 'open' | 'search' | 'reply' | 'status' | 'note' | 'ticket' | 'resolve' | 'resolveNext' | 'pending' | 'views' | 'leave' | 'kbInsert' | 'kbSearch' | 'quickReply';
  /** Left out of the sidebar's short list (the full list is on the empty conversation pane; the KB panel and the reply box show theirs). */
  full?: boolean;
}[] = [
  { keys: [['J'], ['K']], label: 'move' },
  { keys: [['Enter']], label: 'open' },
  { keys: [['/']], label: 'search' },
  { keys: [['R']], label: 'reply' },
  { keys: [['Ctrl', '/']], label: 'note' },
  { keys: [['T']], label: 'ticket' },
  { keys: [['E']], label: 'resolve', full: true },
  { keys: [['Shift', 'E']], label: 'resolveNext', full: true },
  { keys: [['P']], label: 'pending', full: true },
  { keys: [['S']], label: 'status', full: true },
  { keys: [['1–4']], label: 'views', full: true },
  { keys: [['Alt', '1–3']], label: 'kbInsert' },
  { keys: [['Alt', 'K']], label: 'kbSearch', full: true },
  { keys: [['/']], label: 'quickReply', full: true },
  { keys: [['Esc']], label: 'leave' },
];

export function ShortcutList({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <dl className={`shortcuts${compact ? ' shortcuts--compact' : ''}`}>
      {SHORTCUTS.filter((s) => !compact || !s.full).map((s) => (
        <div className="shortcuts__row" key={s.label}>
          <dt>
            {s.keys.map((combo, i) => (
              <span className="shortcuts__combo" key={i}>
                {combo.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </span>
            ))}
          </dt>
          <dd>{t(`shortcuts.${s.label}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
