import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KbArticle, KbArticleStatus, KbArticleVersion, Store } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { deskApi } from '../api/desk-api';
import { formatDateTime } from '../time/format';
import { Icon } from '../ui/icons';
import { StoreSelect } from '../ui/StoreSelect';

/** What the editor form holds. */
export interface ArticleDraft {
  title: string;
  shortAnswer: string;
  body: string;
  /** Comma separated. */
  tags: string;
  topic: string;
  lang: 'zh' | 'en';
  /** '' = global. */
  storeId: string;
  status: KbArticleStatus;
}

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

const messageOf = (err: unknown, network: string) =>
  err instanceof ApiRequestError ? (err.statusCode === 0 ? network : err.fields ? Object.entries(err.fields).map(([f, m]) => `${f}: ${m}`).join('; ') : err.message) : String(err);

/** The article editor with its version history; a stale save (409) keeps the text and offers the latest version. */
export function KbEditor({ articleId, prefill, stores, onSaved, onDeleted, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [article, setArticle] = useState<KbArticle | null>(null);
  const [draft, setDraft] = useState<ArticleDraft>({ ...EMPTY, ...prefill });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

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
    setDraft(toDraft(loaded.data.article));
  }
  const versions: KbArticleVersion[] | null = loaded.data?.versions ?? null;
  const loadError = loaded.error ? messageOf(loaded.error, t('errors.network')) : null;
  const reload = () => void loaded.refetch();

  const set = <K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const common = {
      title: draft.title,
      shortAnswer: draft.shortAnswer,
      body: draft.body,
      tags: parseTags(draft.tags),
      topic: draft.topic.trim() || null,
      lang: draft.lang,
      status: draft.status,
    };
    try {
      const result = article
        ? await deskApi.updateKbArticle(article.id, { ...common, version: article.version })
        : await deskApi.createKbArticle({ ...common, storeId: draft.storeId || null });
      setArticle(result);
      setConflict(null);
      setSaved(result.version);
      onSaved(result);
      if (article) reload();
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'ARTICLE_VERSION_CONFLICT' && article) {
        const latest = await deskApi.kbArticle(article.id).catch(() => null);
        setConflict(latest?.version ?? article.version + 1);
      } else {
        setError(messageOf(err, t('errors.network')));
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!article || !window.confirm(t('kb.editor.confirmDelete', { title: article.title }))) return;
    try {
      await deskApi.deleteKbArticle(article.id);
      onDeleted();
    } catch (err) {
      setError(messageOf(err, t('errors.network')));
    }
  };

  if (articleId && !article) {
    return (
      <section className="kbs-panel kbs-editor" data-testid="kb-editor" aria-busy={!loadError}>
        <div className="kbs-empty">{loadError ?? <span className="spinner" aria-hidden="true" />}</div>
      </section>
    );
  }

  const fieldId = (name: string) => `kb-editor-${name}`;
  return (
    <section className="kbs-panel kbs-editor" data-testid="kb-editor" data-article-id={article?.id}>
      <form onSubmit={(e) => void submit(e)}>
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
          <label className="kbs-field kbs-field--wide" htmlFor={fieldId('title')}>
            <span>{t('kb.editor.title')}</span>
            <input id={fieldId('title')} className="input" required maxLength={200} value={draft.title} data-testid="kb-editor-title" onChange={(e) => set('title', e.target.value)} />
          </label>
          <label className="kbs-field kbs-field--wide" htmlFor={fieldId('short')}>
            <span>{t('kb.editor.shortAnswer')}</span>
            <textarea id={fieldId('short')} className="input kbs-textarea" rows={2} maxLength={500} value={draft.shortAnswer} data-testid="kb-editor-short" onChange={(e) => set('shortAnswer', e.target.value)} />
            <small>{t('kb.editor.shortAnswerHint')}</small>
          </label>
          <label className="kbs-field kbs-field--wide" htmlFor={fieldId('body')}>
            <span>{t('kb.editor.body')}</span>
            <textarea id={fieldId('body')} className="input kbs-textarea" rows={7} required maxLength={20000} value={draft.body} data-testid="kb-editor-body" onChange={(e) => set('body', e.target.value)} />
          </label>
          <label className="kbs-field" htmlFor={fieldId('tags')}>
            <span>{t('kb.editor.tags')}</span>
            <input id={fieldId('tags')} className="input" value={draft.tags} placeholder={t('kb.editor.tagsHint')} onChange={(e) => set('tags', e.target.value)} />
          </label>
          <label className="kbs-field" htmlFor={fieldId('topic')}>
            <span>{t('kb.editor.topic')}</span>
            <input id={fieldId('topic')} className="input" value={draft.topic} placeholder="returns.no-reason" title={t('kb.editor.topicHint')} onChange={(e) => set('topic', e.target.value)} />
          </label>
          <label className="kbs-field" htmlFor={fieldId('store')}>
            <span>{t('kb.editor.scope')}</span>
            <StoreSelect id={fieldId('store')} stores={stores} value={draft.storeId} disabled={article !== null} onChange={(id) => set('storeId', id)} allLabel={t('kb.editor.global')} />
          </label>
          <div className="kbs-field kbs-field--pair">
            <label htmlFor={fieldId('lang')}>
              <span>{t('kb.editor.lang')}</span>
              <select id={fieldId('lang')} className="select" value={draft.lang} onChange={(e) => set('lang', e.target.value as ArticleDraft['lang'])}>
                <option value="zh">{t('kb.langs.zh')}</option>
                <option value="en">{t('kb.langs.en')}</option>
              </select>
            </label>
            <label htmlFor={fieldId('status')}>
              <span>{t('kb.editor.status')}</span>
              <select id={fieldId('status')} className="select" value={draft.status} data-testid="kb-editor-status" onChange={(e) => set('status', e.target.value as KbArticleStatus)}>
                <option value="draft">{t('kb.status.draft')}</option>
                <option value="published">{t('kb.status.published')}</option>
              </select>
            </label>
          </div>
        </div>
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
          <button type="submit" className="button button--primary" disabled={saving} data-testid="kb-editor-save">
            {saving ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="check" size={14} />}
            {article ? t('kb.editor.save') : t('kb.editor.create')}
          </button>
        </div>
      </form>
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
