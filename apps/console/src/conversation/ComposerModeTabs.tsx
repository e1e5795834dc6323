import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import type { ComposeMode } from './useComposeMode';

/** The composer's two tabs, reply and internal note, with the note's banner. */
export function ComposerModeTabs({ mode, onChoose }: { mode: ComposeMode; onChoose(mode: ComposeMode): void }) {
  const { t } = useTranslation();
  const isNote = mode === 'note';
  return (
    <div className="composer__tabs" role="tablist" aria-label={t('reply.modeReply')}>
      <button
        type="button"
        role="tab"
        aria-selected={!isNote}
        className={`composer__tab${!isNote ? ' is-active' : ''}`}
        data-testid="mode-reply"
        title={t('reply.modeReplyHint')}
        onClick={() => onChoose('reply')}
      >
        <Icon name="reply" size={14} />
        {t('reply.modeReply')}
      </button>
      <button
        type="button"
        role="tab"
        aria-selected={isNote}
        className={`composer__tab composer__tab--note${isNote ? ' is-active' : ''}`}
        data-testid="mode-note"
        title={t('reply.modeNoteHint')}
        onClick={() => onChoose('note')}
      >
        <Icon name="lock" size={14} />
        {t('reply.modeNote')}
      </button>
      {isNote && <span className="composer__banner">{t('reply.noteBanner')}</span>}
    </div>
  );
}
