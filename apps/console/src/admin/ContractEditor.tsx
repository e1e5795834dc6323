import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Store, StoreContract } from '@kefu/contracts';
import { toApiError } from '../data/errors';
import { errorText } from '../api/error-text';
import { billingApi } from '../billing/billing-api';
import { monthOf } from '../billing/statement-format';
import { useContract } from '../billing/useBilling';
import { formatDateTime } from '../time/format';
import { serverNow } from '../time/server-clock';
import { FormField } from '../ui/FormField';
import { contractResolver, placeServerErrors } from '../ui/form-errors';
import { LoadError } from './AdminFrame';
import { ContractForm, MAX_COMMISSION_PERCENT, contractFormOf, contractFormPathOf, contractInputOf, nextPromotionMonth, type ContractFormOutput, type ContractFormValues } from './contract-form';
import { errorAt } from './store-form';

/** The store's contract with the agency (admins): base fee, commission as a percentage, attribution window, promotion fees by month. Saved on its own. */
export function ContractPanel({ store }: { store: Store }) {
  const { t } = useTranslation();
  const query = useContract(store.id);
  return (
    <section className="admin-section admin-section--panel contract-panel" aria-labelledby="contract-title" data-testid="contract-panel">
      <h2 id="contract-title" className="admin-section__title">
        {t('billing.contract.title')}
      </h2>
      <p className="admin-hint">{t('billing.contract.hint')}</p>
      {query.error ? (
        <LoadError error={toApiError(query.error)} onRetry={() => void query.refetch()} />
      ) : query.data === undefined ? (
        <span className="spinner" role="status" aria-label="…" />
      ) : (
        <ContractEditor store={store} contract={query.data} />
      )}
    </section>
  );
}

function ContractEditor({ store, contract }: { store: Store; contract: StoreContract | null }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const resolver = useMemo(() => contractResolver(ContractForm, t), [t]);
  const form = useForm<ContractFormValues, unknown, ContractFormOutput>({ defaultValues: contractFormOf(contract), resolver, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, formState, handleSubmit, setError } = form;
  const errors = formState.errors;
  const fees = useFieldArray({ control: form.control, name: 'promotionFees' });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // A language switch says the errors shown again in the new language.
  useEffect(() => {
    if (Object.keys(form.formState.errors).length) void form.trigger();
  }, [i18n.language, form]);

  const submit = handleSubmit(
    async (values) => {
      setNotice(null);
      try {
        const saved = await billingApi.setContract(store.id, contractInputOf(values));
        client.setQueryData(['contract', store.id], saved);
        form.reset(contractFormOf(saved));
        // The statements are computed from the contract: read them again.
        void client.invalidateQueries({ queryKey: ['statements'] });
        setNotice({ kind: 'ok', text: t('admin.common.saved') });
      } catch (err) {
        const e = toApiError(err);
        const placed = placeServerErrors(e.fields, (path) => contractFormPathOf(path), setError, t);
        setNotice({ kind: 'error', text: placed ? t('admin.common.fixFields') : t('admin.common.saveError', { message: errorText(e, t) }) });
      }
    },
    () => setNotice({ kind: 'error', text: t('admin.common.fixFields') }),
  );

  const num = { valueAsNumber: true } as const;
  const addFee = () => fees.append({ month: nextPromotionMonth(form.getValues('promotionFees').map((f) => f.month), monthOf(serverNow(), store.timezone)), amount: 0, note: '' });
  const listError = errorAt(errors, 'promotionFees');
  return (
    <form className="contract-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="contract-form">
      <p className="admin-muted" data-testid="contract-state">
        {contract ? t('billing.contract.updatedAt', { time: formatDateTime(contract.updatedAt, i18n.language) }) : t('billing.contract.none')}
      </p>
      <div className="admin-grid">
        <FormField label={t('billing.contract.baseFee')} error={errors.baseFeeMonthly}>
          {({ id, describedBy, invalid }) => <input id={id} type="number" min={0} step={0.01} inputMode="decimal" className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="contract-base-fee" {...register('baseFeeMonthly', num)} />}
        </FormField>
        <FormField label={t('billing.contract.commission')} hint={t('billing.contract.commissionHint')} error={errors.commissionPercent}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} max={MAX_COMMISSION_PERCENT} step="any" inputMode="decimal" className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="contract-commission" {...register('commissionPercent', num)} />
          )}
        </FormField>
        <FormField label={t('billing.contract.attributionHours')} hint={t('billing.contract.attributionHint')} error={errors.attributionHours}>
          {({ id, describedBy, invalid }) => <input id={id} type="number" min={1} max={720} step={1} className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="contract-attribution-hours" {...register('attributionHours', num)} />}
        </FormField>
      </div>

      <fieldset className="contract-fees" data-testid="contract-promotions">
        <legend>{t('billing.contract.promotions')}</legend>
        <p className="admin-hint">{t('billing.contract.promotionsHint')}</p>
        {fees.fields.length === 0 ? (
          <p className="admin-muted">{t('billing.contract.noPromotions')}</p>
        ) : (
          <div className="contract-fees__head" aria-hidden="true">
            <span>{t('billing.contract.columns.month')}</span>
            <span>{t('billing.contract.columns.amount')}</span>
            <span>{t('billing.contract.columns.note')}</span>
          </div>
        )}
        <ol className="contract-fees__list">
          {fees.fields.map((field, i) => {
            const n = i + 1;
            return (
              <li key={field.id} className="contract-fee" data-testid={`promotion-${i}`}>
                <FeeInput error={errorAt(errors, `promotionFees.${i}.month`)?.message}>
                  <input type="month" className="input" aria-label={t('billing.contract.promotionMonth', { n })} data-testid={`promotion-month-${i}`} {...register(`promotionFees.${i}.month`)} />
                </FeeInput>
                <FeeInput error={errorAt(errors, `promotionFees.${i}.amount`)?.message}>
                  <input type="number" min={0} step={0.01} inputMode="decimal" className="input" aria-label={t('billing.contract.promotionAmount', { n })} data-testid={`promotion-amount-${i}`} {...register(`promotionFees.${i}.amount`, num)} />
                </FeeInput>
                <FeeInput error={errorAt(errors, `promotionFees.${i}.note`)?.message}>
                  <input className="input" maxLength={200} placeholder={t('billing.contract.notePlaceholder')} aria-label={t('billing.contract.promotionNote', { n })} data-testid={`promotion-note-${i}`} {...register(`promotionFees.${i}.note`)} />
                </FeeInput>
                <button type="button" className="icon-button" aria-label={t('billing.contract.removePromotion', { n })} title={t('billing.contract.removePromotion', { n })} onClick={() => fees.remove(i)} data-testid={`promotion-remove-${i}`}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
        {listError?.message && !Array.isArray(listError) && (
          <p className="form-field__error" role="alert">
            {listError.message}
          </p>
        )}
        <div>
          <button type="button" className="button button--ghost" onClick={addFee} data-testid="promotion-add">
            {t('billing.contract.addPromotion')}
          </button>
        </div>
      </fieldset>

      <div className="contract-editor__actions">
        {notice && (
          <span className={notice.kind === 'ok' ? 'admin-ok' : 'inline-error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid="contract-notice">
            {notice.text}
          </span>
        )}
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting} data-testid="contract-save">
          {formState.isSubmitting ? t('admin.common.saving') : t('billing.contract.save')}
        </button>
      </div>
    </form>
  );
}

/** One input of a promotion fee's row, with what is wrong with it below. */
function FeeInput({ error, children }: { error?: string; children: ReactNode }) {
  return (
    <span className="contract-fee__cell">
      {children}
      {error && (
        <span className="form-field__error" role="alert" data-testid="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
