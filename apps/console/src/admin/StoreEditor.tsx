import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, TICKET_TEMPLATE_KEYS, type Store } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { CheckField, FormField } from '../ui/FormField';
import { contractResolver, placeServerErrors } from '../ui/form-errors';
import { adminApi } from './admin-api';
import { AdminFrame, LoadError } from './AdminFrame';
import { ChannelsPanel } from './ChannelsPanel';
import { ContractPanel } from './ContractEditor';
import { HolidaysEditor } from './HolidaysEditor';
import { HoursEditor } from './HoursEditor';
import { ResponseRuleEditor } from './ResponseRuleEditor';
import { StoreForm, formOf, formPathOf, storeInputOf, type StoreFormApi, type StoreFormOutput, type StoreFormValues } from './store-form';
import { useAdminChanged, useAdminStore, useAdminStores } from './useAdmin';
import { errorText } from '../api/error-text';

/** #/admin/stores/<id> (or /new) — one store's settings in sections, saved together; its channels below. */
export function StoreEditorRoute() {
  const { storeId } = useParams({ from: '/admin/stores/$storeId' });
  const isNew = storeId === 'new';
  const query = useAdminStore(isNew ? null : storeId);
  const { t } = useTranslation();
  if (!isNew && query.error) return <AdminFrame testId="store-editor" title={t('admin.stores.title')}><LoadError error={query.error} onRetry={() => void query.refetch()} /></AdminFrame>;
  if (!isNew && !query.data) return <AdminFrame testId="store-editor" title={t('admin.stores.title')}><span className="spinner" role="status" aria-label="…" /></AdminFrame>;
  return <StoreEditor key={storeId} store={isNew ? null : query.data!} />;
}

function StoreEditor({ store }: { store: Store | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const changed = useAdminChanged();
  const { stores } = useAdminStores();
  const resolver = useMemo(() => contractResolver(StoreForm, t), [t]);
  const form = useForm<StoreFormValues, unknown, StoreFormOutput>({ defaultValues: formOf(store), resolver, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, formState, handleSubmit, setError } = form;
  const errors = formState.errors;
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // A language switch says the errors shown again in the new language.
  useEffect(() => {
    if (Object.keys(form.formState.errors).length) void form.trigger();
  }, [i18n.language, form]);

  const submit = handleSubmit(
    async (values) => {
      setNotice(null);
      const input = storeInputOf(values);
      try {
        const saved = store ? await adminApi.updateStore(store.id, input) : await adminApi.createStore(input);
        for (const other of values.copyHolidaysTo) if (other !== saved.id) await adminApi.updateStore(other, { holidays: input.holidays });
        changed();
        form.reset(formOf(saved));
        setNotice({ kind: 'ok', text: store ? t('admin.common.saved') : t('admin.stores.created') });
        if (!store) void navigate({ to: '/admin/stores/$storeId', params: { storeId: saved.id } });
      } catch (err) {
        const e = err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err));
        const placed = placeServerErrors(e.fields, (path) => formPathOf(path, form.getValues()), setError, t);
        setNotice({ kind: 'error', text: placed ? t('admin.common.fixFields') : t('admin.common.saveError', { message: errorText(e, t) }) });
      }
    },
    () => setNotice({ kind: 'error', text: t('admin.common.fixFields') }),
  );

  const num = { valueAsNumber: true } as const;
  return (
    <AdminFrame
      testId="store-editor"
      title={store ? store.name : t('admin.editor.newTitle')}
      tools={
        <Link to="/admin/stores" className="button button--ghost">
          {t('admin.editor.back')}
        </Link>
      }
    >
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate data-testid="store-form">
        <fieldset className="admin-section">
          <legend>{t('admin.editor.sections.general')}</legend>
          <div className="admin-grid">
            <FormField label={t('admin.editor.name')} error={errors.name}>
              {({ id, describedBy, invalid }) => <input id={id} className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="store-name" {...register('name')} />}
            </FormField>
            <FormField label={t('admin.editor.platform')} error={errors.platform}>
              {({ id, describedBy }) => (
                <select id={id} className="input" aria-describedby={describedBy} data-testid="store-platform" {...register('platform')}>
                  {PLATFORMS.map((p) => (
                    <option key={p} value={p}>
                      {t(`platforms.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('admin.editor.timezone')} error={errors.timezone} hint={t('admin.editor.timezoneHint')}>
              {({ id, describedBy, invalid }) => <input id={id} className="input" aria-describedby={describedBy} aria-invalid={invalid} list="admin-timezones" data-testid="store-timezone" {...register('timezone')} />}
            </FormField>
            <datalist id="admin-timezones">
              {['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Tokyo', 'Asia/Singapore', 'Europe/London', 'America/New_York', 'America/Los_Angeles'].map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
        </fieldset>

        <fieldset className="admin-section">
          <legend>{t('admin.editor.sections.hours')}</legend>
          <HoursEditor form={form} />
        </fieldset>

        <fieldset className="admin-section">
          <legend>{t('admin.editor.sections.holidays')}</legend>
          <HolidaysEditor form={form} otherStores={stores.filter((s) => s.id !== store?.id)} />
        </fieldset>

        <fieldset className="admin-section">
          <legend>{t('admin.editor.sections.sla')}</legend>
          <p className="admin-hint">{t('admin.editor.slaHint')}</p>
          <div className="admin-grid">
            {(
              [
                ['firstResponseSeconds', 'firstResponse'],
                ['nextResponseSeconds', 'nextResponse'],
                ['warnBeforeSeconds', 'warnBefore'],
                ['resolutionHours', 'resolution'],
              ] as const
            ).map(([field, label]) => (
              <FormField key={field} label={t(`admin.editor.${label}`)} error={errors.slaPolicy?.[field]}>
                {({ id, describedBy, invalid }) => <input id={id} type="number" min={1} step={1} className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid={`sla-${field}`} {...register(`slaPolicy.${field}`, num)} />}
              </FormField>
            ))}
          </div>
        </fieldset>

        <fieldset className="admin-section" data-testid="response-section">
          <legend>{t('admin.editor.sections.response')}</legend>
          <ResponseRuleEditor form={form} />
        </fieldset>

        <fieldset className="admin-section">
          <legend>{t('admin.editor.sections.returns')}</legend>
          <div className="admin-grid">
            {(
              [
                ['noReasonReturnDays', 'noReasonDays'],
                ['qualityReturnDays', 'qualityReturnDays'],
                ['qualityExchangeDays', 'qualityExchangeDays'],
              ] as const
            ).map(([field, label]) => (
              <FormField key={field} label={t(`admin.editor.${label}`)} error={errors.returnPolicy?.[field]}>
                {({ id, describedBy, invalid }) => <input id={id} type="number" min={1} step={1} className="input" aria-describedby={describedBy} aria-invalid={invalid} {...register(`returnPolicy.${field}`, num)} />}
              </FormField>
            ))}
            <FormField label={t('admin.editor.shippingPaidBy')} error={errors.returnPolicy?.noReasonShippingPaidBy}>
              {({ id }) => (
                <select id={id} className="input" {...register('returnPolicy.noReasonShippingPaidBy')}>
                  <option value="customer">{t('admin.editor.paidByCustomer')}</option>
                  <option value="seller">{t('admin.editor.paidBySeller')}</option>
                </select>
              )}
            </FormField>
          </div>
          <FormField label={t('admin.editor.excluded')} hint={t('admin.editor.excludedHint')} error={errors.returnPolicy?.excludedText}>
            {({ id, describedBy, invalid }) => <textarea id={id} rows={3} className="input" aria-describedby={describedBy} aria-invalid={invalid} {...register('returnPolicy.excludedText')} />}
          </FormField>
          <CheckField label={t('admin.editor.overridesNeedApproval')}>{({ id }) => <input id={id} type="checkbox" {...register('returnPolicy.overridesNeedApproval')} />}</CheckField>
        </fieldset>

        <fieldset className="admin-section">
          <legend>{t('admin.editor.sections.escalation')}</legend>
          <CheckField label={t('admin.editor.reassign')}>{({ id }) => <input id={id} type="checkbox" {...register('slaEscalation.reassign')} />}</CheckField>
          <FormField label={t('admin.editor.webhookUrl')} hint={t('admin.editor.webhookHint')} error={errors.slaEscalation?.webhookUrl}>
            {({ id, describedBy, invalid }) => <input id={id} type="url" className="input" placeholder="https://" aria-describedby={describedBy} aria-invalid={invalid} data-testid="store-webhook" {...register('slaEscalation.webhookUrl')} />}
          </FormField>
        </fieldset>

        <fieldset className="admin-section">
          <legend>{t('admin.editor.sections.templates')}</legend>
          <TemplatesEditor form={form} />
        </fieldset>

        <div className="admin-form__actions">
          {notice && (
            <span className={notice.kind === 'ok' ? 'admin-ok' : 'inline-error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid="store-notice">
              {notice.text}
            </span>
          )}
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting} data-testid="store-save">
            {formState.isSubmitting ? t('admin.common.saving') : store ? t('admin.editor.saveStore') : t('admin.editor.createStore')}
          </button>
        </div>
      </form>

      {store && <ContractPanel store={store} />}
      {store && <ChannelsPanel store={store} />}
    </AdminFrame>
  );
}

function TemplatesEditor({ form }: { form: StoreFormApi }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<'zh' | 'en'>('zh');
  return (
    <>
      <p className="admin-hint">{t('admin.editor.templatesHint')}</p>
      <div className="admin-segmented" role="radiogroup" aria-label={t('admin.editor.templateLanguage')}>
        {(['zh', 'en'] as const).map((l) => (
          <label key={l} className={`admin-segmented__item${lang === l ? ' is-active' : ''}`}>
            <input type="radio" name="template-lang" value={l} checked={lang === l} onChange={() => setLang(l)} />
            {t(`admin.editor.languages.${l}`)}
          </label>
        ))}
      </div>
      <div className="admin-grid admin-grid--wide">
        {TICKET_TEMPLATE_KEYS.map((key) => (
          <FormField key={`${lang}-${key}`} label={t(`admin.editor.templateKeys.${key}`)} error={form.formState.errors.ticketTemplates?.[lang]?.[key]}>
            {({ id, describedBy }) => <textarea id={id} rows={2} className="input" aria-describedby={describedBy} {...form.register(`ticketTemplates.${lang}.${key}`)} />}
          </FormField>
        ))}
      </div>
    </>
  );
}
