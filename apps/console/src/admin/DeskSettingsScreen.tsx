import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type DeskSettings, UpdateDeskSettingsInput } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { FormField } from '../ui/FormField';
import { contractResolver, serverFieldText } from '../ui/form-errors';
import { adminApi } from './admin-api';
import { AdminFrame, LoadError } from './AdminFrame';
import { LogoInput } from './LogoInput';
import { useAdminChanged, useDeskSettings } from './useAdmin';

/** #/admin/desk — the agency's name and logo, which head the client reports. */
export function DeskSettingsScreen() {
  const { t } = useTranslation();
  const settings = useDeskSettings();
  return (
    <AdminFrame testId="admin-desk" title={t('admin.desk.title')} subtitle={t('admin.desk.subtitle')}>
      {settings.error && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <DeskSettingsForm settings={settings.data} />}
    </AdminFrame>
  );
}

function DeskSettingsForm({ settings }: { settings: DeskSettings }) {
  const { t } = useTranslation();
  const changed = useAdminChanged();
  const resolver = useMemo(() => contractResolver(UpdateDeskSettingsInput, t), [t]);
  const form = useForm<z.input<typeof UpdateDeskSettingsInput>, unknown, UpdateDeskSettingsInput>({ resolver, defaultValues: { agencyName: settings.agencyName, agencyLogo: settings.agencyLogo } });
  const [notice, setNotice] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    setNotice(null);
    try {
      await adminApi.updateSettings(v);
      changed();
      setNotice(t('admin.common.saved'));
    } catch (err) {
      const fields = err instanceof ApiRequestError ? err.fields : undefined;
      for (const [k, reason] of Object.entries(fields ?? {})) form.setError(k as 'agencyName', { message: serverFieldText(reason, t) });
      if (!fields) setNotice(t('admin.common.saveError', { message: err instanceof ApiRequestError && err.statusCode ? err.message : t('errors.network') }));
    }
  });
  return (
    <form className="admin-form admin-section" onSubmit={(e) => void submit(e)} noValidate>
      <FormField label={t('admin.desk.agencyName')} error={form.formState.errors.agencyName}>
        {({ id, describedBy, invalid }) => <input id={id} className="input" aria-describedby={describedBy} aria-invalid={invalid} {...form.register('agencyName')} />}
      </FormField>
      <FormField label={t('admin.desk.logo')} hint={t('admin.desk.logoHint')} error={form.formState.errors.agencyLogo}>
        {({ id }) => <Controller control={form.control} name="agencyLogo" render={({ field }) => <LogoInput id={id} value={field.value ?? null} onChange={field.onChange} />} />}
      </FormField>
      <div className="admin-form__actions">
        {notice && <span role="status">{notice}</span>}
        <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
          {t('admin.common.save')}
        </button>
      </div>
    </form>
  );
}
