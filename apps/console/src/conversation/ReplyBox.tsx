import { useEffect, useEffectEvent, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PostMessageInput, type Message } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { errorText } from '../api/error-text';
import { deskApi } from '../api/desk-api';
import { QuickReplyMenu } from '../kb/QuickReplyMenu';
import { fillVariables, findPlaceholders, insertAtCaret, replaceRange } from '../kb/kb-text';
import type { KbValues } from '../kb/useKb';
import { useSlashMenu } from '../kb/useSlashMenu';
import { Kbd } from '../ui/badges';
import { Icon } from '../ui/icons';
import { readDraft, readDraftArticles, writeDraft, writeDraftArticles } from './drafts';
import { TakeoverDialog } from './TakeoverDialog';
import { guardRefusal } from '../guard/guard-api';
import { GuardConfirmDialog } from '../guard/GuardConfirmDialog';
import { GuardViolations } from '../guard/GuardViolations';
import { useGuardCheck } from '../guard/useGuardCheck';

const REPLY_INPUT_ID = 'reply-input';
type Mode = 'reply' | 'note';

/** What the knowledge-base panel may do with the composer. */
export interface ComposerHandle {
  /** Puts a snippet at the caret (or in place of a blank draft); `articleId` is recorded as used when the reply is sent. */
  insert(snippet: string, articleId?: string): void;
  focus(): void;
}

interface Props {
  conversationId: string;
  customerName: string;
  onSend(input: PostMessageInput): Promise<Message>;
  /** The conversation's store and language: the `/` menu lists that store's quick replies in that language. */
  storeId: string;
  lang: string | null;
  /** The values `{customerName}`, `{storeName}`, `{orderRef}` take in a quick reply. */
  kbValues: KbValues;
  composerRef?: Ref<ComposerHandle>;
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
const isTakeoverConflict = (err: unknown): err is ApiRequestError => err instanceof ApiRequestError && err.code === 'CONVERSATION_TAKEN';

const isToggleShortcut = (e: { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === '/' || e.code === 'Slash');

/**
 * The composer: Enter sends, Shift+Enter breaks the line, Ctrl+/ switches between a reply to the
 * customer and an internal note. The text is cleared at once and put back if the API refuses it.
 */
export function ReplyBox({
  conversationId,
  customerName,
  onSend,
  storeId,
  lang,
  kbValues,
  composerRef,
  takeoverFrom,
  assigneeNameFor,
  onConflict,
  onTyping,
  onIdle,
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => readDraft(conversationId));
  const [mode, setMode] = useState<Mode>('reply');
  const [inFlight, setInFlight] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** A reply the API refused because someone else has the chat, waiting for "take over & send". */
  const [takeover, setTakeover] = useState<{ body: string; assigneeName: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  /** Knowledge-base articles inserted into this draft. */
  const [articleIds, setArticleIds] = useState<string[]>(() => readDraftArticles(conversationId));
  /** The selection to put in the box once React has rendered a text set from code. */
  const pendingSelection = useRef<[number, number] | null>(null);
  const slashMenu = useSlashMenu(storeId, lang);
  /** The reply guard: violations of the draft while typing, and a reply it refused on send. */
  const guard = useGuardCheck(conversationId, text, mode === 'reply');
  const [refused, setRefused] = useState<{ input: PostMessageInput; sent: string; refusal: NonNullable<ReturnType<typeof guardRefusal>> } | null>(null);
  const { menuOpen, options, activeIndex } = slashMenu;

  const changeArticles = (ids: string[]) => {
    setArticleIds(ids);
    writeDraftArticles(conversationId, ids);
  };

  const changeText = (value: string) => {
    setText(value);
    writeDraft(conversationId, value);
    if (error) setError(null);
  };

  const readSlash = slashMenu.read;

  /** Sets the text from code and where the caret (or the selection) goes. */
  const putText = (value: string, selStart: number, selEnd = selStart) => {
    changeText(value);
    pendingSelection.current = [selStart, selEnd];
    if (value) onTyping();
  };

  useLayoutEffect(() => {
    const sel = pendingSelection.current;
    const el = textarea.current;
    if (!sel || !el) return;
    pendingSelection.current = null;
    el.focus();
    el.setSelectionRange(sel[0], sel[1]);
  }, [text]);

  /** After inserting `snippet` ending at `caret`: select its first unfilled variable, so typing replaces it. */
  const placeCaret = (value: string, caret: number, snippet: string) => {
    const start = caret - snippet.length;
    const hole = findPlaceholders(snippet)[0];
    if (hole) putText(value, start + hole.start, start + hole.end);
    else putText(value, caret);
  };

  const insertQuickReply = (index: number) => {
    const reply = options[index];
    const el = textarea.current;
    const slash = slashMenu.trigger;
    if (!reply || !slash || !el) return;
    const snippet = fillVariables(reply.body, kbValues);
    const next = replaceRange(el.value, slash.start, slash.end, snippet);
    slashMenu.close();
    placeCaret(next.text, next.caret, snippet);
  };

  useImperativeHandle(
    composerRef,
    () => ({
      insert(snippet: string, articleId?: string) {
        const el = textarea.current;
        const current = el?.value ?? text;
        const next = insertAtCaret(current, el?.selectionStart ?? current.length, el?.selectionEnd ?? current.length, snippet);
        slashMenu.close();
        placeCaret(next.text, next.caret, snippet);
        if (articleId) changeArticles([...articleIds, articleId]);
      },
      focus() {
        textarea.current?.focus();
      },
    }),
  );

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

  /** Tells the knowledge base which articles went into the reply (best effort: the reply is sent either way). */
  const recordUsage = (ids: string[], messageId: string) => {
    for (const id of ids) {
      deskApi.kbUsage(id, { conversationId, messageId }).catch((err: unknown) => console.warn('kb usage not recorded', err));
    }
  };

  /** Sends at once (the box is cleared) and puts the text back if the API refuses it. */
  const deliver = async (input: PostMessageInput, sent: string) => {
    const usedIds = articleIds;
    changeText('');
    changeArticles([]);
    slashMenu.close();
    setError(null);
    onIdle();
    setInFlight((n) => n + 1);
    try {
      const message = await onSend(input);
      if (input.kind === 'reply' && usedIds.length > 0) recordUsage(usedIds, message.id);
    } catch (err) {
      restoreDraft(sent);
      setArticleIds((current) => {
        const restored = current.length ? current : usedIds;
        writeDraftArticles(conversationId, restored);
        return restored;
      });
      const refusal = guardRefusal(err);
      if (refusal) {
        setRefused({ input, sent, refusal });
        return;
      }
      if (isTakeoverConflict(err) && input.kind === 'reply' && !input.takeover) {
        const assigneeId = typeof err.body.assigneeId === 'string' ? err.body.assigneeId : undefined;
        setTakeover({ body: input.body, assigneeName: assigneeNameFor(assigneeId) });
        onConflict();
        return;
      }
      setError(t('reply.error', { message: errorText(err, t) }));
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
    const composing = e.nativeEvent.isComposing || e.keyCode === 229;
    // The `/` menu owns the arrows, Enter, Tab and Esc while it is open.
    if (menuOpen && !composing && !e.altKey && !e.ctrlKey && !e.metaKey) {
      if (e.key === 'Escape') {
        e.preventDefault();
        slashMenu.dismiss();
        return;
      }
      if (options.length > 0) {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          slashMenu.move(e.key === 'ArrowDown' ? 1 : -1);
          return;
        }
        if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
          e.preventDefault();
          insertQuickReply(activeIndex);
          return;
        }
      }
    }
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
  const holes = findPlaceholders(text);
  return (
    <div className={`composer${isNote ? ' composer--note' : ''}`}>
      {menuOpen && (
        <QuickReplyMenu
          options={options}
          activeIndex={activeIndex}
          query={slashMenu.trigger?.query ?? ''}
          loading={slashMenu.loading}
          failed={slashMenu.failed}
          onPick={insertQuickReply}
          onHover={slashMenu.hover}
        />
      )}
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
        placeholder={isNote ? t('reply.placeholderNote') : `${t('reply.placeholderReply', { name: customerName })} ${t('kb.slashHint')}`}
        aria-label={isNote ? t('reply.modeNote') : t('reply.modeReply')}
        aria-controls={menuOpen ? 'quick-reply-menu' : undefined}
        aria-activedescendant={menuOpen && options.length > 0 ? `quick-reply-${options[activeIndex].id}` : undefined}
        onChange={(e) => {
          changeText(e.target.value);
          readSlash(e.target);
          if (e.target.value) onTyping();
          else {
            onIdle();
            changeArticles([]);
          }
        }}
        onSelect={(e) => readSlash(e.currentTarget)}
        onBlur={slashMenu.close}
        onKeyDown={onKeyDown}
      />
      {!isNote && guard.checkedText === text && <GuardViolations text={text} violations={guard.violations} />}
      {holes.length > 0 && (
        <div className="composer__holes" data-testid="kb-missing">
          <Icon name="alert" size={13} />
          <span>{t('kb.fillIn')}</span>
          {holes.map((h) => (
            <button
              key={h.name}
              type="button"
              className="composer__hole"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                const at = findPlaceholders(textarea.current?.value ?? text).find((x) => x.name === h.name);
                if (at) {
                  textarea.current?.focus();
                  textarea.current?.setSelectionRange(at.start, at.end);
                }
              }}
            >
              {t(`kb.variables.${h.name}`)}
            </button>
          ))}
        </div>
      )}
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
      {refused && (
        <GuardConfirmDialog
          code={refused.refusal.code}
          violations={refused.refusal.violations}
          onCancel={() => {
            setRefused(null);
            textarea.current?.focus();
          }}
          onConfirm={(reason) => {
            const { input, sent } = refused;
            setRefused(null);
            void deliver({ ...input, confirm: { reason } }, sent);
          }}
        />
      )}
      {takeover && <TakeoverDialog assigneeName={takeover.assigneeName} body={takeover.body} onConfirm={confirmTakeover} onCancel={cancelTakeover} />}
    </div>
  );
}
