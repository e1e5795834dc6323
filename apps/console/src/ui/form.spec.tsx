/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { z } from 'zod';
import { CreateKbQuestionInput, text, type KbArticle } from '@kefu/contracts';
import i18n, { switchLanguage } from '../i18n';
import { SimilarQuestions } from '../kb/SimilarQuestions';
import { syncCacheWithLive } from '../data/live-cache';
import { fakeApi, renderInDesk } from '../testing/render';
import { contractResolver, issueText } from './form';

const ARTICLE = { id: '5d0c7f8e-1b2a-4c3d-8e9f-0a1b2c3d4e5f', storeId: null, lang: 'zh', topic: null, title: '保温杯怎么清洁', version: 1 } as KbArticle;
const question = (id: string, words: string) => ({
  id, articleId: ARTICLE.id, storeId: null, text: words, lang: 'zh', status: 'accepted', source: 'manual', proposals: 0, conversationId: null, messageId: null,
  proposedById: null, decidedById: 'u1', decidedAt: '2026-12-01T08:00:00.000Z', createdAt: '2026-12-01T08:00:00.000Z', updatedAt: '2026-12-01T08:00:00.000Z',
});

describe('contract forms', () => {
  it("words each zod issue in the reader's language, with the schema's bounds", async () => {
    const schema = z.object({ name: text().trim().min(1).max(5), email: z.email(), tags: z.array(text().min(1)) });
    const resolve = contractResolver(schema);
    const run = async (values: Record<string, unknown>) =>
      (await resolve(values as never, undefined, { fields: { name: {}, email: {}, tags: {} } as never, shouldUseNativeValidation: false })).errors as Record<string, { type: string; message: string }>;
    await switchLanguage('zh-CN');
    const zh = await run({ name: '', email: 'nope', tags: [''] });
    expect(zh.name).toEqual({ type: 'too_small', message: '必填' });
    expect(zh.email).toEqual({ type: 'invalid_format', message: '邮箱格式不正确' });
    // An issue inside a field held as one control (tags.0) is that field's.
    expect(zh.tags).toEqual({ type: 'too_small', message: '必填' });
    await switchLanguage('en');
    expect((await run({ name: 'abcdefg', email: 'a@b.co', tags: [] })).name).toEqual({ type: 'too_big', message: 'At most 5 characters' });
    expect(issueText({ code: 'too_small', origin: 'string', minimum: 3, input: 'a', path: [], message: '' } as never, i18n.t.bind(i18n))).toBe('At least 3 characters');
    // The contract's own English text never reaches the reader.
    const parsed = CreateKbQuestionInput.safeParse({ text: ' ' });
    expect(parsed.success).toBe(false);
    expect(issueText(parsed.error!.issues[0], i18n.t.bind(i18n))).toBe('Required');
  });

  it('shows the error beside the field, sends nothing bad, and keeps the focus in the field after adding a similar question', async () => {
    await switchLanguage('zh-CN');
    const stored = [question('q1', '杯子有茶垢怎么办')];
    const calls = fakeApi({
      [`GET /api/kb/articles/${ARTICLE.id}/questions`]: () => ({ items: stored, total: stored.length, nextCursor: null }),
      [`POST /api/kb/articles/${ARTICLE.id}/questions`]: (body) => {
        const q = question('q2', (body as { text: string }).text);
        stored.unshift(q);
        return q;
      },
    });
    const view = renderInDesk(<SimilarQuestions article={ARTICLE} />);
    // The desk keeps its cache in step with the live bus (the write's answer is published there).
    const unsync = syncCacheWithLive(view.client, view.bus);
    const list = await screen.findByTestId('kb-similar-questions');
    await within(list).findByText('杯子有茶垢怎么办');
    const input = within(list).getByTestId('kb-question-input');

    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.click(within(list).getByTestId('kb-question-add'));
    const error = await within(list).findByTestId('field-error');
    expect(error.textContent).toBe('必填');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(input, { target: { value: '  保温杯有茶渍怎么去掉 ' } });
    fireEvent.click(within(list).getByTestId('kb-question-add'));
    await within(list).findByText('保温杯有茶渍怎么去掉');
    // The contract trimmed it; the field is empty again, without an error, and keeps the focus for the next one.
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ text: '保温杯有茶渍怎么去掉' }]);
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
    expect(within(list).queryByTestId('field-error')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input));
    unsync();
  });
});
