import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PostMessageInput, type Message } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { deskApi } from '../api/desk-api';
import { errorText } from '../api/error-text';
import { guardRefusal } from '../guard/guard-api';
import type { ComposerDraft } from './useComposerDraft';
import type { ComposeMode } from './useComposeMode';

/** The reply is refused because another agent is assigned (the collision guard). */
const isTakeoverConflict = (err: unknown): err is ApiRequestError => err instanceof ApiRequestError && err.code === 'CONVERSATION_TAKEN';

interface Inputs {
  conversationId: string;
  draft: ComposerDraft;
  mode: ComposeMode;
  onSend(input: PostMessageInput): Promise<Message>;
  assigneeNameFor(assigneeId: string | undefined): string;
  onConflict(): void;
  /** The box is cleared: typing is over. */
  onSent(): void;
}

/**
 * Sending the draft: at once (the box is cleared) and the text put back if the API refuses it; a refusal of the reply
 * guard waits for a confirmed override, one of the collision guard for "take over & send".
 */
export function useReplySend({ conversationId, draft, mode, onSend, assigneeNameFor, onConflict, onSent }: Inputs) {
  const { t } = useTranslation();
  const [inFlight, setInFlight] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** A reply the API refused because someone else has the chat, waiting for "take over & send". */
  const [takeover, setTakeover] = useState<{ body: string; assigneeName: string } | null>(null);
  /** A reply the reply guard refused, waiting for a reason to send it anyway. */
  const [refused, setRefused] = useState<{ input: PostMessageInput; sent: string; refusal: NonNullable<ReturnType<typeof guardRefusal>> } | null>(null);

  /** Tells the knowledge base which articles went into the reply (best effort: the reply is sent either way). */
  const recordUsage = (ids: string[], messageId: string) => {
    for (const id of ids) {
      deskApi.kbUsage(id, { conversationId, messageId }).catch((err: unknown) => console.warn('kb usage not recorded', err));
    }
  };

  const deliver = async (input: PostMessageInput, sent: string) => {
    const usedIds = draft.articleIds;
    draft.change('');
    draft.changeArticles([]);
    setError(null);
    onSent();
    setInFlight((n) => n + 1);
    try {
      const message = await onSend(input);
      if (input.kind === 'reply' && usedIds.length > 0) recordUsage(usedIds, message.id);
    } catch (err) {
      draft.restore(sent, usedIds);
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

  return {
    sending: inFlight > 0,
    error,
    clearError: () => {
      if (error) setError(null);
    },
    takeover,
    refused,
    async submit() {
      const { text } = draft;
      if (!text.trim()) return;
      const parsed = PostMessageInput.safeParse({ body: text, kind: mode });
      if (!parsed.success) {
        setError(t('reply.error', { message: parsed.error.issues.map((i) => i.message).join('; ') }));
        return;
      }
      await deliver(parsed.data, text);
    },
    confirmTakeover() {
      if (!takeover) return;
      const { body } = takeover;
      setTakeover(null);
      void deliver({ body, kind: 'reply', takeover: true }, draft.text || body);
    },
    cancelTakeover: () => setTakeover(null),
    /** Sends the refused reply again with the reason the agent gave. */
    confirmRefused(reason: string) {
      if (!refused) return;
      const { input, sent } = refused;
      setRefused(null);
      void deliver({ ...input, confirm: { reason } }, sent);
    },
    cancelRefused: () => setRefused(null),
  };
}
