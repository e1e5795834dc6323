import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PostMessageInput } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { Kbd } from '../ui/badges';
import { Icon } from '../ui/icons';
import { readDraft, writeDraft } from './drafts';
import { TakeoverDialog } from './TakeoverDialog';

export const REPLY_INPUT_ID = 'reply-input';
type Mode = 'reply' | 'note';

interface Props {
  conversationId: string;
  customerName: string;
  onSend(input: PostMessageInput): Promise<unknown>;
  /** Who else has the chat when a reply from this user would take it over (agents only); null otherwise. */
  takeoverFrom: string | null;
  /** The name of the assignee a 409 names (or of the current one when it names nobody). */
  assigneeNameFor(assigneeId: string | undefined): string;
  /** The API said someone else has the chat: the caller refreshes what it shows. */
  onConflict(): void;
  /** A key went into the box (the collision guard's 'typing'). */
  onTyping(): void;
  /** Typing is over: the text was sent or cleared. */
  onIdle(): void;
}

/** The reply is refused because another agent is assigned (the collision guard). */
const isTakeoverConflict = (err: unknown): err is ApiRequestError => err instanceof ApiRequestError && err.statusCode === 409;

const isToggleShortcut = (e: { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === '/' || e.code === 'Slash');

/**
 * The composer: Enter sends, Shift+Enter breaks the line, Ctrl+/ switches between a reply to the
 * customer and an internal note. The text is cleared at once and put back if the API refuses it.
 */
export function ReplyBox({ conversationId, customerName, onSend, takeoverFrom, assigneeNameFor, onConflict, onTyping, onIdle }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => readDraft(conversationId));
  const [mode, setMode] = useState<Mode>('reply');
  const [inFlight, setInFlight] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** A reply the API refused because someone else has the chat, waiting for "take over & send". */
  const [takeover, setTakeover] = useState<{ body: string; assigneeName: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const changeText = (value: string) => {
    setText(value);
    writeDraft(conversationId, value);
    if (error) setError(null);
  };

  const toggleMode = () => {
    setMode((m) => (m === 'reply' ? 'note' : 'reply'));
    textarea.current?.focus();
  };

  // Ctrl+/ works from anywhere in the conversation, not only inside the text box.
  const onWindowKey = useEffectEvent((e: globalThis.KeyboardEvent) => {
    if (e.defaultPrevented || !isToggleShortcut(e)) return;
    if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
    e.preventDefault();
    toggleMode();
  });
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => onWindowKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const restoreDraft = (sent: string) =>
    setText((current) => {
      const restored = current ? current : sent;
      writeDraft(conversationId, restored);
      return restored;
    });

  /** Sends at once (the box is cleared) and puts the text back if the API refuses it. */
  const deliver = async (input: PostMessageInput, sent: string) => {
    changeText('');
    setError(null);
    onIdle();
    setInFlight((n) => n + 1);
    try {
      await onSend(input);
    } catch (err) {
      restoreDraft(sent);
      if (isTakeoverConflict(err) && input.kind === 'reply' && !input.takeover) {
        const assigneeId = typeof err.body.assigneeId === 'string' ? err.body.assigneeId : undefined;
        setTakeover({ body: input.body, assigneeName: assigneeNameFor(assigneeId) });
        onConflict();
        return;
      }
      const message = err instanceof ApiRequestError && err.statusCode === 0 ? t('errors.network') : err instanceof Error ? err.message : String(err);
      setError(t('reply.error', { message }));
    } finally {
      setInFlight((n) => n - 1);
    }
  };

  const submit = async () => {
    if (!text.trim()) return;
    const parsed = PostMessageInput.safeParse({ body: text, kind: mode });
    if (!parsed.success) {
      setError(t('reply.error', { message: parsed.error.issues.map((i) => i.message).join('; ') }));
      return;
    }
    await deliver(parsed.data, text);
  };

  const confirmTakeover = () => {
    if (!takeover) return;
    const { body } = takeover;
    setTakeover(null);
    void deliver({ body, kind: 'reply', takeover: true }, text || body);
  };

  const cancelTakeover = () => {
    setTakeover(null);
    textarea.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter confirms a Chinese IME candidate while composing: never send then.
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      void submit();
    } else if (isToggleShortcut(e)) {
      e.preventDefault();
      toggleMode();
    }
  };

  const isNote = mode === 'note';
  return (
    <div className={`composer${isNote ? ' composer--note' : ''}`}>
      <div className="composer__tabs" role="tablist" aria-label={t('reply.modeReply')}>
        <button
          type="button"
          role="tab"
          aria-selected={!isNote}
          className={`composer__tab${!isNote ? ' is-active' : ''}`}
          data-testid="mode-reply"
          title={t('reply.modeReplyHint')}
          onClick={() => {
            setMode('reply');
            textarea.current?.focus();
          }}
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
          onClick={() => {
            setMode('note');
            textarea.current?.focus();
          }}
        >
          <Icon name="lock" size={14} />
          {t('reply.modeNote')}
        </button>
        {isNote && <span className="composer__banner">{t('reply.noteBanner')}</span>}
      </div>
      {!isNote && takeoverFrom && (
        <div className="composer__takeover" data-testid="takeover-hint">
          <Icon name="user" size={13} />
          <span>{t('takeover.replyHint', { name: takeoverFrom })}</span>
        </div>
      )}
      <textarea
        ref={textarea}
        id={REPLY_INPUT_ID}
        className="composer__input"
        data-testid="reply-input"
        data-mode={mode}
        value={text}
        rows={3}
        placeholder={isNote ? t('reply.placeholderNote') : t('reply.placeholderReply', { name: customerName })}
        aria-label={isNote ? t('reply.modeNote') : t('reply.modeReply')}
        onChange={(e) => {
          changeText(e.target.value);
          if (e.target.value) onTyping();
          else onIdle();
        }}
        onKeyDown={onKeyDown}
      />
      <div className="composer__footer">
        {error ? (
          <div className="composer__error" role="alert" data-testid="reply-error">
            <Icon name="alert" size={14} />
            {error}
          </div>
        ) : (
          <div className="composer__hints" aria-hidden="true">
            <Kbd>Enter</Kbd> {t('reply.hintSend')}
            <span className="dot-sep" />
            <Kbd>Shift</Kbd>
            <Kbd>Enter</Kbd> {t('reply.hintNewline')}
            <span className="dot-sep" />
            <Kbd>Ctrl</Kbd>
            <Kbd>/</Kbd> {t('reply.hintToggle')}
          </div>
        )}
        <button
          type="button"
          className={`button ${isNote ? 'button--note' : 'button--primary'}`}
          data-testid="reply-send"
          disabled={!text.trim()}
          onClick={() => void submit()}
        >
          {inFlight > 0 ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name={isNote ? 'note' : 'send'} size={14} />}
          {isNote ? t('reply.addNote') : t('reply.send')}
        </button>
      </div>
      {takeover && <TakeoverDialog assigneeName={takeover.assigneeName} body={takeover.body} onConfirm={confirmTakeover} onCancel={cancelTakeover} />}
    </div>
  );
}
