import { useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, PostMessageInput } from '@kefu/contracts';
import { QuickReplyMenu } from '../kb/QuickReplyMenu';
import type { KbValues } from '../kb/useKb';
import { useSlashMenu } from '../kb/useSlashMenu';
import { Icon } from '../ui/icons';
import { TakeoverDialog } from './TakeoverDialog';
import { GuardConfirmDialog } from '../guard/GuardConfirmDialog';
import { GuardViolations } from '../guard/GuardViolations';
import { useGuardCheck } from '../guard/useGuardCheck';
import { ComposerFooter } from './ComposerFooter';
import { ComposerHoles } from './ComposerHoles';
import { ComposerModeTabs } from './ComposerModeTabs';
import { useComposerDraft } from './useComposerDraft';
import { isModeToggleKey, useComposeMode } from './useComposeMode';
import { useReplySend } from './useReplySend';
import { useSnippetInsert } from './useSnippetInsert';

const REPLY_INPUT_ID = 'reply-input';

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

/**
 * The composer: Enter sends, Shift+Enter breaks the line, Ctrl+/ switches between a reply to the
 * customer and an internal note, `/` opens the store's quick replies. The text is cleared at once
 * and put back if the API refuses it.
 */
export function ReplyBox({ conversationId, customerName, onSend, storeId, lang, kbValues, composerRef, takeoverFrom, assigneeNameFor, onConflict, onTyping, onIdle }: Props) {
  const { t } = useTranslation();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const draft = useComposerDraft(conversationId, textarea);
  const { text } = draft;
  const { mode, choose: chooseMode, toggle: toggleMode } = useComposeMode(textarea);
  const slashMenu = useSlashMenu(storeId, lang);
  const { menuOpen, options, activeIndex } = slashMenu;
  const send = useReplySend({
    conversationId,
    draft,
    mode,
    onSend,
    assigneeNameFor,
    onConflict,
    onSent: () => {
      slashMenu.close();
      onIdle();
    },
  });
  /** The reply guard: violations of the draft while typing. */
  const guard = useGuardCheck(conversationId, text, mode === 'reply');

  const changeText = (value: string) => {
    draft.change(value);
    send.clearError();
  };

  const snippets = useSnippetInsert({ textarea, draft, slashMenu, kbValues, changeText, onTyping });

  useImperativeHandle(composerRef, () => ({
    insert: snippets.insertAtCaret,
    focus: () => textarea.current?.focus(),
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter confirms a Chinese IME candidate while composing: never send (or pick) then.
    const composing = e.nativeEvent.isComposing || e.keyCode === 229;
    if (snippets.menuKey(e, composing)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !composing) {
      e.preventDefault();
      void send.submit();
    } else if (isModeToggleKey(e)) {
      e.preventDefault();
      toggleMode();
    }
  };

  const isNote = mode === 'note';
  return (
    <div className={`composer${isNote ? ' composer--note' : ''}`}>
      {menuOpen && (
        <QuickReplyMenu
          options={options}
          activeIndex={activeIndex}
          query={slashMenu.trigger?.query ?? ''}
          loading={slashMenu.loading}
          failed={slashMenu.failed}
          onPick={snippets.insertQuickReply}
          onHover={slashMenu.hover}
        />
      )}
      <ComposerModeTabs mode={mode} onChoose={chooseMode} />
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
          slashMenu.read(e.target);
          if (e.target.value) onTyping();
          else {
            onIdle();
            draft.changeArticles([]);
          }
        }}
        onSelect={(e) => slashMenu.read(e.currentTarget)}
        onBlur={slashMenu.close}
        onKeyDown={onKeyDown}
      />
      {!isNote && guard.checkedText === text && <GuardViolations text={text} violations={guard.violations} />}
      <ComposerHoles text={text} textarea={textarea} />
      <ComposerFooter isNote={isNote} error={send.error} canSend={text.trim() !== ''} sending={send.sending} onSend={() => void send.submit()} />
      {send.refused && (
        <GuardConfirmDialog
          code={send.refused.refusal.code}
          violations={send.refused.refusal.violations}
          onCancel={() => {
            send.cancelRefused();
            textarea.current?.focus();
          }}
          onConfirm={send.confirmRefused}
        />
      )}
      {send.takeover && (
        <TakeoverDialog
          assigneeName={send.takeover.assigneeName}
          body={send.takeover.body}
          onConfirm={send.confirmTakeover}
          onCancel={() => {
            send.cancelTakeover();
            textarea.current?.focus();
          }}
        />
      )}
    </div>
  );
}
