import { useState } from 'react';
import { errorText } from '../api/error-text';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateQuickReplyInput, text, type GuardWarning, type QuickReply, type Store } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { deskApi } from '../api/desk-api';
import { SaveWarnings } from '../guard/SaveWarnings';
import { contractResolver, setServerFieldErrors } from '../ui/form';
import { FormField } from '../ui/FormField';
import { Icon } from '../ui/icons';
import { QUICK_REPLIES } from './useKb';
import { StoreSelect } from '../ui/StoreSelect';

/** The contract's quick reply as the form holds it ('' for any language or a global one). */
const QuickReplyForm = CreateQuickReplyInput.extend({
  lang: z.enum(['', 'zh', 'en']).transform((l) => l || null),
  storeId: text().transform((id) => id || null).pipe(z.uuid().nullable()),
});
type Form = z.input<typeof QuickReplyForm>;
const FORM_FIELDS = ['shortcut', 'title', 'body', 'lang', 'storeId'] as const;

const EMPTY: Form = { shortcut: '', title: '', body: '', lang: '', storeId: '' };
/** The quick replies agents insert with `/shortcut`: list, add, edit, delete. */
export function QuickRepliesPanel({ stores, storeById }: { stores: Store[]; storeById: Map<string, Store> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // Every quick reply (all stores): the panel's own list; the composers' per-store lists are read again after a change.
  const list = useQuery({ queryKey: [QUICK_REPLIES, '*'], queryFn: async () => (await deskApi.quickReplies({ limit: 200 })).items });
  const items = list.data ?? null;
  const [writeError, setWriteError] = useState<string | null>(null);
  const loadError = writeError ?? (list.error ? errorText(list.error, t) : null);
  const changed = () => void client.invalidateQueries({ queryKey: [QUICK_REPLIES] });
  /** 'new', the id being edited, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const form = useForm<Form, unknown, z.output<typeof QuickReplyForm>>({ resolver: contractResolver(QuickReplyForm), defaultValues: EMPTY });
  const storeChoice = useWatch({ control: form.control, name: 'storeId' });
  const { errors } = form.formState;
  const [error, setError] = useState<string | null>(null);
  /** The reply just saved and what its body breaks of the guard rules (saved all the same). */
  const [warned, setWarned] = useState<{ shortcut: string; warnings: GuardWarning[] } | null>(null);

  const edit = (r: QuickReply | null) => {
    setError(null);
    setWarned(null);
    setEditing(r ? r.id : 'new');
    form.reset(r ? { shortcut: r.shortcut, title: r.title, body: r.body, lang: r.lang ?? '', storeId: r.storeId ?? '' } : EMPTY);
  };

  const save = form.handleSubmit(async ({ storeId, ...common }) => {
    setError(null);
    try {
      const saved = editing === 'new' ? await deskApi.createQuickReply({ ...common, storeId }) : editing ? await deskApi.updateQuickReply(editing, common) : null;
      setWarned(saved?.guardWarnings.length ? { shortcut: saved.shortcut, warnings: saved.guardWarnings } : null);
      setEditing(null);
      changed();
    } catch (err) {
      if (!(err instanceof ApiRequestError && setServerFieldErrors(err.fields, FORM_FIELDS, form.setError, t))) setError(errorText(err, t));
    }
  });

  const remove = async (r: QuickReply) => {
    if (!window.confirm(t('kb.qr.confirmDelete', { shortcut: r.shortcut }))) return;
    try {
      await deskApi.deleteQuickReply(r.id);
      setWriteError(null);
      changed();
    } catch (err) {
      setWriteError(errorText(err, t));
    }
  };

  const formRow = (
    <li className="kbs-qr kbs-qr--form" key="form">
      <form onSubmit={(e) => void save(e)} className="kbs-qr__form" data-testid="kb-quick-reply-form" noValidate>
        <FormField label={t('kb.qr.shortcut')} error={errors.shortcut} className="kbs-field">
          {(c) => <input {...c} {...form.register('shortcut')} className="input" autoFocus />}
        </FormField>
        <FormField label={t('kb.qr.title')} error={errors.title} className="kbs-field">
          {(c) => <input {...c} {...form.register('title')} className="input" />}
        </FormField>
        <FormField label={t('kb.qr.lang')} error={errors.lang} className="kbs-field">
          {(c) => (
            <select {...c} {...form.register('lang')} className="select">
              <option value="">{t('kb.qr.anyLang')}</option>
              <option value="zh">{t('kb.langs.zh')}</option>
              <option value="en">{t('kb.langs.en')}</option>
            </select>
          )}
        </FormField>
        <FormField label={t('kb.qr.scope')} error={errors.storeId} className="kbs-field">
          {(c) => (
            <StoreSelect id={c.id} stores={stores} value={storeChoice} disabled={editing !== 'new'} onChange={(id) => form.setValue('storeId', id)} allLabel={t('kb.editor.global')} />
          )}
        </FormField>
        <FormField label={t('kb.qr.body')} error={errors.body} className="kbs-field kbs-qr__body">
          {(c) => <textarea {...c} {...form.register('body')} className="input kbs-textarea" rows={2} />}
        </FormField>
        <div className="kbs-qr__actions">
          {error && <span className="kbs-error">{t('kb.qr.error', { message: error })}</span>}
          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(null)}>
            {t('kb.qr.cancel')}
          </button>
          <button type="submit" className="button button--primary button--small">
            <Icon name="check" size={13} />
            {t('kb.qr.save')}
          </button>
        </div>
      </form>
    </li>
  );

  return (
    <section className="kbs-panel kbs-qrs" data-testid="kb-quick-replies">
      <div className="kbs-stats__bar">
        <button type="button" className="button button--small" onClick={() => edit(null)} data-testid="kb-quick-reply-add">
          <Icon name="plus" size={13} />
          {t('kb.qr.add')}
        </button>
        {loadError && <span className="kbs-error">{loadError}</span>}
      </div>
      {warned && <SaveWarnings warnings={warned.warnings} fieldLabel={() => `/${warned.shortcut}`} onDismiss={() => setWarned(null)} />}
      <ul className="kbs-qr-list">
        {editing === 'new' && formRow}
        {items?.length === 0 && editing !== 'new' && <li className="kbs-empty">{t('kb.qr.empty')}</li>}
        {items?.map((r) =>
          editing === r.id ? (
            formRow
          ) : (
            <li key={r.id} className="kbs-qr">
              <span className="qr-option__shortcut">/{r.shortcut}</span>
              <span className="kbs-qr__title">{r.title}</span>
              <span className="kbs-qr__text" title={r.body}>
                {r.body}
              </span>
              <span className="kbs-badge">{r.storeId ? (storeById.get(r.storeId)?.name ?? '—') : t('kb.global')}</span>
              <span className="kbs-badge kbs-badge--lang">{r.lang ?? '—'}</span>
              <span className="kbs-qr__buttons">
                <button type="button" className="icon-button" title={t('kb.qr.edit')} aria-label={t('kb.qr.edit')} onClick={() => edit(r)}>
                  <Icon name="pencil" size={14} />
                </button>
                <button type="button" className="icon-button" title={t('kb.qr.delete')} aria-label={t('kb.qr.delete')} onClick={() => void remove(r)}>
                  <Icon name="trash" size={14} />
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
