import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportCommentInput } from '@kefu/contracts';
import { errorText } from '../api/error-text';
import { useMe } from '../desk/me';
import { useNowMinute } from '../time/clock';
import { formatDateTime, formatRelative } from '../time/format';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { fromBrand } from './comment-thread';
import { useAgencyName } from './PortalLayout';
import { useReportThread } from './usePortal';

const MAX_LENGTH = 4000;

/** A report's thread between the brand and the agency, live, with a box to write in (Ctrl+Enter sends). */
export function ReportThread({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const agency = useAgencyName();
  const now = useNowMinute();
  const id = useId();
  const thread = useReportThread(reportId);
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const count = thread.comments.length;

  // The newest message in view, as in a chat.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  const valid = ReportCommentInput.safeParse({ body }).success;
  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!valid || sending) return;
    setSending(true);
    setError(null);
    try {
      await thread.post(body.trim());
      setBody('');
    } catch (err) {
      setError(t('portal.thread.error', { message: errorText(err, t) }));
    } finally {
      setSending(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e);
  };

  return (
    <aside className="report-thread no-print" aria-labelledby={`${id}-title`} data-testid="report-thread">
      <header className="report-thread__header">
        <h2 className="report-thread__title" id={`${id}-title`}>
          <Icon name="chat" size={15} /> {t('portal.thread.title')}
        </h2>
        <p className="report-thread__hint">{t('portal.thread.hint', { agency })}</p>
      </header>
      <div className="report-thread__list" ref={listRef}>
        <ListState
          error={thread.error}
          loading={thread.loading}
          empty={count === 0}
          errorText={(message) => t('portal.loadError', { message })}
          onRetry={thread.reload}
          retryLabel={t('portal.retry')}
          icon="chat"
          emptyTitle={t('portal.thread.empty')}
        />
        <ol className="report-thread__comments" aria-live="polite" data-testid="report-comments">
        {thread.comments.map((c) => {
          const brand = fromBrand(c);
          const mine = c.authorId === me.id;
          return (
            <li key={c.id} className={`comment${brand ? ' comment--brand' : ' comment--agency'}`} data-testid="report-comment" data-comment-id={c.id} data-author-role={c.authorRole}>
              <Avatar name={c.authorName} seed={c.authorId ?? c.id} size={26} />
              <div className="comment__content">
                <div className="comment__meta">
                  <span className="comment__author">{mine ? t('portal.thread.you') : c.authorName}</span>
                  <span className={`comment__side comment__side--${brand ? 'brand' : 'agency'}`}>{brand ? t('portal.thread.brand') : t('portal.thread.agency')}</span>
                  <time className="comment__time" dateTime={c.createdAt} title={formatDateTime(c.createdAt, i18n.language)}>
                    {formatRelative(c.createdAt, now, t, i18n.language)}
                  </time>
                </div>
                <p className="comment__body">{c.body}</p>
              </div>
            </li>
          );
        })}
        </ol>
      </div>
      <form className="report-thread__form" onSubmit={(e) => void send(e)} noValidate>
        <label className="sr-only" htmlFor={`${id}-body`}>
          {t('portal.thread.label')}
        </label>
        <textarea
          id={`${id}-body`}
          className="input report-thread__input"
          rows={3}
          value={body}
          maxLength={MAX_LENGTH}
          placeholder={t('portal.thread.placeholder')}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-keys`}
          data-testid="comment-input"
        />
        {error && (
          <p className="inline-error" role="alert">
            <Icon name="alert" size={13} /> {error}
          </p>
        )}
        <div className="report-thread__actions">
          <span className="report-thread__keys" id={`${id}-keys`}>
            {body.length > MAX_LENGTH * 0.9 ? t('portal.thread.tooLong', { count: MAX_LENGTH }) : t('portal.thread.sendKeys')}
          </span>
          <button type="submit" className="button button--primary" disabled={!valid || sending} data-testid="comment-send">
            {sending ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="send" size={14} />}
            {sending ? t('portal.thread.sending') : t('portal.thread.send')}
          </button>
        </div>
      </form>
    </aside>
  );
}
