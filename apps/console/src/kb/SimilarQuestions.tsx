import { useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateKbQuestionInput, type KbArticle, type KbArticleQuestion } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { contractResolver } from '../ui/form';
import { FormField } from '../ui/FormField';
import { Icon } from '../ui/icons';
import { useArticleQuestions, useKbQuestionWrites } from './useKbQuestions';

type QuestionValues = { text: string };

const articleRef = (a: KbArticle) => ({ id: a.id, storeId: a.storeId, lang: a.lang, topic: a.topic ?? null, title: a.title });

/** A write's failure as the editor says it (a question the article has already: 409). */
function useWriteError() {
  const { t } = useTranslation();
  return (err: unknown) =>
    err instanceof ApiRequestError && err.code === 'QUESTION_EXISTS'
      ? t('kbq.duplicate')
      : t('kbq.failed', { message: errorText(err, t) });
}

/**
 * The article's similar questions (相似问法) in its editor: the accepted ones (reworded or removed here, counted in the
 * search at once), the proposals waiting for it (accepted or rejected here too), and a field to add one.
 */
export function SimilarQuestions({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const list = useArticleQuestions(article.id);
  const writes = useKbQuestionWrites();
  const describe = useWriteError();
  const [editing, setEditing] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const addRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const form = useForm<QuestionValues, unknown, CreateKbQuestionInput>({ resolver: contractResolver(CreateKbQuestionInput), defaultValues: { text: '' } });
  const add = form.handleSubmit(async (v) => {
    try {
      await writes.add(articleRef(article), v.text);
      form.reset({ text: '' });
      form.setFocus('text');
    } catch (err) {
      form.setError('text', { type: 'server', message: describe(err) });
    }
  });

  const accepted = list.items.filter((q) => q.status === 'accepted');
  const proposed = list.items.filter((q) => q.status === 'proposed');
  /** After a row goes away, the focus goes to the next row's first button, else to the add field. */
  const focusAfter = (index: number) =>
    requestAnimationFrame(() => {
      const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-testid="kb-question"] button');
      const target = rows?.[Math.min(index * 2, (rows?.length ?? 1) - 1)];
      (target ?? addRef.current)?.focus();
    });
  const act = async (q: KbArticleQuestion, index: number, run: () => Promise<unknown>) => {
    setRowError(null);
    try {
      await run();
      focusAfter(index);
    } catch (err) {
      setRowError(describe(err));
    }
  };
  const { ref: textRef, ...textField } = form.register('text');

  return (
    <section className="kbq" data-testid="kb-similar-questions" aria-labelledby="kbq-title">
      <h3 id="kbq-title">
        <Icon name="chat" size={14} />
        {t('kbq.title')}
        <span className="kbs-badge">{accepted.length}</span>
      </h3>
      <p className="kbq__hint">{t('kbq.hint')}</p>
      <form className="kbq__add" onSubmit={(e) => void add(e)} noValidate>
        <FormField label={t('kbq.newLabel')} error={form.formState.errors.text} className="kbs-field kbq__field">
          {(control) => (
            <input
              {...control}
              {...textField}
              ref={(el) => {
                textRef(el);
                addRef.current = el;
              }}
              className="input"
              maxLength={200}
              placeholder={t('kbq.placeholder')}
              data-testid="kb-question-input"
            />
          )}
        </FormField>
        <button type="submit" className="button" disabled={form.formState.isSubmitting} data-testid="kb-question-add">
          <Icon name="plus" size={14} />
          {t('kbq.add')}
        </button>
      </form>
      {rowError && (
        <p className="kbs-error" role="alert">
          {rowError}
        </p>
      )}
      {list.loading ? (
        <span className="spinner" aria-hidden="true" />
      ) : accepted.length + proposed.length === 0 ? (
        <p className="kbs-empty">{t('kbq.none')}</p>
      ) : (
        <ul className="kbq__list" ref={listRef}>
          {[...accepted, ...proposed].map((q, index) =>
            editing === q.id ? (
              <li key={q.id} className="kbq__row" data-testid="kb-question" data-status={q.status}>
                <QuestionEdit
                  question={q}
                  onDone={() => {
                    setEditing(null);
                    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-question-id="${q.id}"] button`)?.focus());
                  }}
                  describe={describe}
                  save={(text) => writes.update(q.id, { text })}
                />
              </li>
            ) : (
              <li key={q.id} className={`kbq__row kbq__row--${q.status}`} data-testid="kb-question" data-question-id={q.id} data-status={q.status}>
                <span className="kbq__text" data-testid="kb-question-text">
                  {q.text}
                </span>
                {q.source === 'usage' && (
                  <span className="kbq__meta">
                    {t('kbq.fromCustomer')} · {t('kbq.proposedTimes', { count: q.proposals })}
                  </span>
                )}
                {q.status === 'proposed' ? (
                  <>
                    <button type="button" className="button button--small" data-testid="kb-question-accept" onClick={() => void act(q, index, () => writes.update(q.id, { status: 'accepted' }))}>
                      <Icon name="check" size={13} />
                      {t('kbq.accept')}
                    </button>
                    <button type="button" className="button button--small button--ghost" data-testid="kb-question-reject" onClick={() => void act(q, index, () => writes.update(q.id, { status: 'rejected' }))}>
                      {t('kbq.reject')}
                    </button>
                  </>
                ) : (
                  <>
                    <button type="button" className="button button--small button--ghost" data-testid="kb-question-edit" onClick={() => setEditing(q.id)}>
                      {t('kbq.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost kbs-danger"
                      data-testid="kb-question-remove"
                      aria-label={`${t('kbq.remove')}: ${q.text}`}
                      onClick={() => void act(q, index, () => writes.remove({ ...q, article: articleRef(article) }))}
                    >
                      <Icon name="trash" size={13} />
                    </button>
                  </>
                )}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function QuestionEdit({ question, save, onDone, describe }: { question: KbArticleQuestion; save(text: string): Promise<unknown>; onDone(): void; describe(err: unknown): string }) {
  const { t } = useTranslation();
  const form = useForm<QuestionValues, unknown, CreateKbQuestionInput>({ resolver: contractResolver(CreateKbQuestionInput), defaultValues: { text: question.text } });
  const submit = form.handleSubmit(async (v) => {
    try {
      if (v.text !== question.text) await save(v.text);
      onDone();
    } catch (err) {
      form.setError('text', { type: 'server', message: describe(err) });
    }
  });
  return (
    <form className="kbq__edit" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onDone())} noValidate>
      <FormField label={t('kbq.editLabel')} error={form.formState.errors.text} className="kbs-field kbq__field">
        {(control) => <input {...control} {...form.register('text')} className="input" maxLength={200} autoFocus data-testid="kb-question-edit-input" />}
      </FormField>
      <button type="submit" className="button button--small button--primary" data-testid="kb-question-save">
        {t('kbq.save')}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onDone}>
        {t('kbq.cancel')}
      </button>
    </form>
  );
}
