/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Message, PostMessageInput, QuickReply } from '@kefu/contracts';
import i18n from 'i18next';
import { ApiRequestError } from '../api/client';
import { QUICK_REPLIES } from '../kb/useKb';
import { renderInDesk } from '../testing/render';
import { ReplyBox } from './ReplyBox';

const message = (input: PostMessageInput): Message =>
  ({ id: 'm1', conversationId: 'c1', storeId: 's1', direction: 'outbound', body: input.body, authorId: 'me', createdAt: new Date().toISOString(), deliveryStatus: 'queued' }) as unknown as Message;

const reply = (shortcut: string, body: string): QuickReply => ({ id: shortcut, storeId: 's1', shortcut, title: shortcut, body, lang: null, createdAt: '', updatedAt: '' });

function box(onSend: (input: PostMessageInput) => Promise<Message>, takeoverFrom: string | null = null) {
  localStorage.clear();
  return renderInDesk(
    <ReplyBox
      conversationId="c1"
      customerName="小王"
      onSend={onSend}
      storeId="s1"
      lang="zh"
      kbValues={{ customerName: '小王', orderRef: 'O-77', storeName: '旗舰店' }}
      takeoverFrom={takeoverFrom}
      assigneeNameFor={() => '李四'}
      onConflict={() => undefined}
      onTyping={() => undefined}
      onIdle={() => undefined}
    />,
  );
}

describe('the reply box', () => {
  it('asks to take over when the chat is someone else’s, then sends with takeover', async () => {
    const sent: PostMessageInput[] = [];
    const onSend = jest.fn(async (input: PostMessageInput) => {
      sent.push(input);
      if (!input.takeover) throw new ApiRequestError(409, 'assigned to another agent', undefined, { code: 'CONVERSATION_TAKEN', assigneeId: 'u2' });
      return message(input);
    });
    box(onSend, '李四');
    const input = screen.getByTestId('reply-input');
    fireEvent.change(input, { target: { value: '您好,马上为您处理' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    const dialog = await screen.findByTestId('takeover-dialog');
    expect(dialog.textContent).toContain('李四');
    expect(dialog.textContent).toContain('您好,马上为您处理');
    // The refused text is back in the box until the agent decides.
    expect((input as HTMLTextAreaElement).value).toBe('您好,马上为您处理');
    fireEvent.click(screen.getByTestId('takeover-confirm'));

    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ body: '您好,马上为您处理', kind: 'reply', takeover: true });
    await waitFor(() => expect(screen.queryByTestId('takeover-dialog')).toBeNull());
    expect((input as HTMLTextAreaElement).value).toBe('');
  });

  it('goes by the refusal’s code: another refusal is shown in the user’s language, with no takeover offered', async () => {
    box(async () => {
      throw new ApiRequestError(422, 'The reply breaks a rule', undefined, { code: 'REPLY_NEEDS_CONFIRMATION' });
    }, '李四');
    const input = screen.getByTestId('reply-input') as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: '加微信聊' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const error = await screen.findByTestId('reply-error');
    expect(error.textContent).toContain(i18n.t('errors.codes.REPLY_NEEDS_CONFIRMATION'));
    expect(screen.queryByTestId('takeover-dialog')).toBeNull();
    expect(input.value).toBe('加微信聊');
  });

  it('keeps the draft when the agent does not take over', async () => {
    box(async () => {
      throw new ApiRequestError(409, 'assigned to another agent', undefined, { code: 'CONVERSATION_TAKEN' });
    }, '李四');
    const input = screen.getByTestId('reply-input') as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: '稍等' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('takeover-cancel'));
    await waitFor(() => expect(screen.queryByTestId('takeover-dialog')).toBeNull());
    expect(input.value).toBe('稍等');
  });

  it('offers the store’s quick replies after /, filters them as the agent types and inserts one with Enter', async () => {
    const { client } = box(async (input) => message(input));
    act(() => {
      client.setQueryData([QUICK_REPLIES, 's1'], [reply('thanks', '感谢 {customerName} 的耐心等待'), reply('track', '订单 {orderRef} 已发货'), reply('bye', '再见')]);
    });
    const input = screen.getByTestId('reply-input') as HTMLTextAreaElement;
    input.focus();
    fireEvent.change(input, { target: { value: '/', selectionStart: 1, selectionEnd: 1 } });
    input.setSelectionRange(1, 1);
    fireEvent.select(input);
    const menu = await screen.findByTestId('quick-reply-menu');
    expect(menu.querySelectorAll('[data-testid="quick-reply-option"]')).toHaveLength(3);

    fireEvent.change(input, { target: { value: '/tr' } });
    input.setSelectionRange(3, 3);
    fireEvent.select(input);
    await waitFor(() => expect(screen.getAllByTestId('quick-reply-option').map((o) => o.getAttribute('data-shortcut'))).toEqual(['track']));
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(input.value).toBe('订单 O-77 已发货'));
    expect(screen.queryByTestId('quick-reply-menu')).toBeNull();
  });

  it('closes the / menu with Esc and leaves the text as typed', async () => {
    const { client } = box(async (input) => message(input));
    act(() => {
      client.setQueryData([QUICK_REPLIES, 's1'], [reply('thanks', '谢谢')]);
    });
    const input = screen.getByTestId('reply-input') as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: '/th' } });
    input.setSelectionRange(3, 3);
    fireEvent.select(input);
    await screen.findByTestId('quick-reply-menu');
    fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('quick-reply-menu')).toBeNull());
    expect(input.value).toBe('/th');
  });
});
