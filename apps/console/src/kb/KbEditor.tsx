import { useState } from 'react';
import { errorText } from '../api/error-text';
import { useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { CreateKbArticleInput, KbArticleStatus, text, type GuardWarning, type KbArticle, type KbArticleVersion, type Store } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { deskApi } from '../api/desk-api';
import { SaveWarnings } from '../guard/SaveWarnings';
import { formatDateTime } from '../time/format';
import { contractResolver, setServerFieldErrors } from '../ui/form';
import { FormField } from '../ui/FormField';
import { Icon } from '../ui/icons';
import { StoreSelect } from '../ui/StoreSelect';
import { SimilarQuestions } from './SimilarQuestions';

/** What the editor form holds: the contract's article as the fields show it (tags comma separated, '' for none). */
const ArticleForm = z
  .object({ title: text(), shortAnswer: text(), body: text(), tags: text(), topic: text(), lang: z.enum(['zh', 'en']), storeId: text(), status: KbArticleStatus })
  .transform((v) => ({ ...v, tags: parseTags(v.tags), topic: v.topic.trim() || null, storeId: v.storeId || null }))
  // (zod types a pipe's input as the transform's exact output; the contract's defaults make its input looser)
  .pipe(CreateKbArticleInput as unknown as z.ZodType<CreateKbArticleInput, CreateKbArticleInput>);
export type ArticleDraft = z.input<typeof ArticleForm>;
const FORM_FIELDS = ['title', 'shortAnswer', 'body', 'tags', 'topic', 'lang', 'storeId', 'status'] as const;

const EMPTY: ArticleDraft = { title: '', shortAnswer: '', body: '', tags: '', topic: '', lang: 'zh', storeId: '', status: 'draft' };

const toDraft = (a: Pick<KbArticle, 'title' | 'shortAnswer' | 'body' | 'tags' | 'topic' | 'lang' | 'storeId' | 'status'>): ArticleDraft => ({
  title: a.title,
  shortAnswer: a.shortAnswer,
  body: a.body,
  tags: a.tags.join(', '),
  topic: a.topic ?? '',
  lang: a.lang,
  storeId: a.storeId ?? '',
  status: a.status,
});

/** A field name of the API as the editor labels it. */
function fieldLabel(field: string, t: TFunction): string {
  switch (field) {
    case 'title':
    case 'shortAnswer':
    case 'body':
    case 'tags':
    case 'topic':
    case 'lang':
    case 'status':
      return t(`kb.editor.${field}`);
    case 'storeId':
      return t('kb.editor.scope');
    default:
      return field;
  }
}

const parseTags = (tags: string) =>
  tags
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

interface Props {
  /** null: a new article. */
  articleId: string | null;
  prefill?: Partial<ArticleDraft>;
  stores: Store[];
  onSaved(article: KbArticle): void;
  onDeleted(): void;
  onClose(): void;
}

/** The article editor with its version history; a stale save (409) keeps the text and offers the latest version. */
export function KbEditor({ articleId, prefill, stores, onSaved, onDeleted, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [article, setArticle] = useState<KbArticle | null>(null);
  const form = useForm<ArticleDraft, unknown, CreateKbArticleInput>({ resolver: contractResolver(ArticleForm), defaultValues: { ...EMPTY, ...prefill } });
  const storeChoice = useWatch({ control: form.control, name: 'storeId' });
  const { errors, isSubmitting } = form.formState;
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  /** What the last save's texts break of the guard rules (saved all the same). */
  const [warnings, setWarnings] = useState<GuardWarning[]>([]);

  const loaded = useQuery({
    queryKey: ['kbArticle', articleId],
    queryFn: async () => {
      const [a, v] = await Promise.all([deskApi.kbArticle(articleId!), deskApi.kbVersions(articleId!)]);
      return { article: a, versions: v.items };
    },
    enabled: articleId !== null,
    staleTime: 0,
  });
  // Each answer (the first, and the latest after a save or a conflict) becomes the form's text.
  const [adopted, setAdopted] = useState<typeof loaded.data>(undefined);
  if (loaded.data && loaded.data !== adopted) {
    setAdopted(loaded.data);
    setArticle(loaded.data.article);
    form.reset(toDraft(loaded.data.article));
  }
  const versions: KbArticleVersion[] | null = loaded.data?.versions ?? null;
  const loadError = loaded.error ? errorText(loaded.error, t) : null;
  const reload = () => void loaded.refetch();

  const submit = form.handleSubmit(async (input) => {
    setError(null);
    setSaved(null);
    const { storeId, ...common } = input;
    try {
      const { guardWarnings, ...result } = article ? await deskApi.updateKbArticle(article.id, { ...common, version: article.version }) : await deskApi.createKbArticle({ ...common, storeId });
      setWarnings(guardWarnings);
      setArticle(result);
      setConflict(null);
      setSaved(result.version);
      onSaved(result);
      if (article) reload();
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'ARTICLE_VERSION_CONFLICT' && article) {
        const latest = await deskApi.kbArticle(article.id).catch(() => null);
        setConflict(latest?.version ?? article.version + 1);
      } else if (!(err instanceof ApiRequestError && setServerFieldErrors(err.fields, FORM_FIELDS, form.setError, t))) {
        setError(errorText(err, t));
      }
    }
  });

  const remove = async () => {
    if (!article || !window.confirm(t('kb.editor.confirmDelete', { title: article.title }))) return;
    try {
      await deskApi.deleteKbArticle(article.id);
      onDeleted();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  if (articleId && !article) {
    return (
      <section className="kbs-panel kbs-editor" data-testid="kb-editor" aria-busy={!loadError}>
        <div className="kbs-empty">{loadError ?? <span className="spinner" aria-hidden="true" />}</div>
      </section>
    );
  }

  const field = { className: 'kbs-field' };
  const wide = { className: 'kbs-field kbs-field--wide' };
  return (
    <section className="kbs-panel kbs-editor" data-testid="kb-editor" data-article-id={article?.id}>
      <form onSubmit={(e) => void submit(e)} onChange={() => setSaved(null)} noValidate>
        <div className="kbs-editor__head">
          <h2>{article ? t('kb.editor.editTitle') : t('kb.editor.newTitle')}</h2>
          {article && <span className="kbs-badge">{t('kb.screen.version', { version: article.version })}</span>}
          <button type="button" className="icon-button kbs-editor__close" onClick={onClose} title={t('kb.editor.close')} aria-label={t('kb.editor.close')}>
            <Icon name="x" size={15} />
          </button>
        </div>
        {conflict !== null && (
          <div className="banner banner--error kbs-banner" role="alert" data-testid="kb-conflict">
            <Icon name="alert" size={14} />
            <span>{t('kb.editor.conflict', { version: conflict })}</span>
            <button type="button" className="button button--small" onClick={() => (setConflict(null), reload())}>
              {t('kb.editor.reload')}
            </button>
          </div>
        )}
        <div className="kbs-form">
          <FormField label={t('kb.editor.title')} error={errors.title} {...wide}>
            {(c) => <input {...c} {...form.register('title')} className="input" maxLength={200} data-testid="kb-editor-title" />}
          </FormField>
          <FormField label={t('kb.editor.shortAnswer')} error={errors.shortAnswer} hint={t('kb.editor.shortAnswerHint')} {...wide}>
            {(c) => <textarea {...c} {...form.register('shortAnswer')} className="input kbs-textarea" rows={2} maxLength={500} data-testid="kb-editor-short" />}
          </FormField>
          <FormField label={t('kb.editor.body')} error={errors.body} {...wide}>
            {(c) => <textarea {...c} {...form.register('body')} className="input kbs-textarea" rows={7} maxLength={20000} data-testid="kb-editor-body" />}
          </FormField>
          <FormField label={t('kb.editor.tags')} error={errors.tags} {...field}>
            {(c) => <input {...c} {...form.register('tags')} className="input" placeholder={t('kb.editor.tagsHint')} />}
          </FormField>
          <FormField label={t('kb.editor.topic')} error={errors.topic} {...field}>
            {(c) => <input {...c} {...form.register('topic')} className="input" placeholder="returns.no-reason" title={t('kb.editor.topicHint')} />}
          </FormField>
          <FormField label={t('kb.editor.scope')} error={errors.storeId} {...field}>
            {(c) => (
              <StoreSelect
                id={c.id}
                stores={stores}
                value={storeChoice}
                disabled={article !== null}
                onChange={(id) => form.setValue('storeId', id, { shouldDirty: true })}
                allLabel={t('kb.editor.global')}
              />
            )}
          </FormField>
          <div className="kbs-field kbs-field--pair">
            <FormField label={t('kb.editor.lang')} error={errors.lang} {...field}>
              {(c) => (
                <select {...c} {...form.register('lang')} className="select">
                  <option value="zh">{t('kb.langs.zh')}</option>
                  <option value="en">{t('kb.langs.en')}</option>
                </select>
              )}
            </FormField>
            <FormField label={t('kb.editor.status')} error={errors.status} {...field}>
              {(c) => (
                <select {...c} {...form.register('status')} className="select" data-testid="kb-editor-status">
                  <option value="draft">{t('kb.status.draft')}</option>
                  <option value="published">{t('kb.status.published')}</option>
                </select>
              )}
            </FormField>
          </div>
        </div>
        <SaveWarnings warnings={warnings} fieldLabel={(f) => fieldLabel(f, t)} onDismiss={() => setWarnings([])} />
        <div className="kbs-editor__actions">
          {error && (
            <span className="kbs-error" role="alert">
              {t('kb.editor.error', { message: error })}
            </span>
          )}
          {saved !== null && !error && <span className="kbs-saved">{t('kb.editor.saved', { version: saved })}</span>}
          <span className="kbs-spacer" />
          {article && (
            <button type="button" className="button button--ghost kbs-danger" onClick={() => void remove()}>
              <Icon name="trash" size={14} />
              {t('kb.editor.delete')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="kb-editor-save">
            {isSubmitting ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={14} />}
            {article ? t('kb.editor.save') : t('kb.editor.create')}
          </button>
        </div>
      </form>
      {article && <SimilarQuestions article={article} />}
      {article && versions && (
        <div className="kbs-versions" data-testid="kb-versions">
          <h3>
            <Icon name="history" size={14} />
            {t('kb.editor.versions')}
          </h3>
          {versions.length === 0 ? (
            <p className="kbs-empty">{t('kb.editor.noVersions')}</p>
          ) : (
            <ol>
              {versions.map((v) => (
                <li key={v.id} className="kbs-version">
                  <span className="kbs-badge">v{v.version}</span>
                  <span className="kbs-version__what">
                    {t('kb.editor.changed', { fields: v.changedFields.map((f) => fieldLabel(f, t)).join(t('kb.listSep')) })} · {t('kb.editor.by', { name: v.changedByName ?? t('kb.editor.unknownUser') })}
                  </span>
                  <span className="kbs-version__when">{formatDateTime(v.changedAt, i18n.language)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
