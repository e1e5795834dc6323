import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AcceptInvitationInput, type InvitationInfo, secret } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { FormField } from '../ui/FormField';
import { contractResolver } from '../ui/form-errors';
import { adminApi } from './admin-api';
import { errorText } from '../api/error-text';

/** The token of an invitation link in the address (`#/invite/<token>`), or null. */
export const invitationTokenOf = (hash: string): string | null => /^#\/invite\/([\w-]{1,100})$/.exec(hash)?.[1] ?? null;

const InviteForm = AcceptInvitationInput.pick({ password: true }).extend({ repeat: secret() }).refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'mismatch' });

/** Before sign-in: the invited user sets their password once, then signs in. */
export function InvitationPage({ token, onDone }: { token: string; onDone(): void }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<InvitationInfo | null | 'gone' | 'unknown'>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolver = useMemo(() => contractResolver(InviteForm, t), [t]);
  const form = useForm<z.input<typeof InviteForm>, unknown, z.output<typeof InviteForm>>({ resolver, defaultValues: { password: '', repeat: '' } });

  useEffect(() => {
    let current = true;
    adminApi.invitation(token).then(
      (found) => current && setInfo(found),
      (err: unknown) => current && setInfo(err instanceof ApiRequestError && err.code === 'INVITATION_GONE' ? 'gone' : 'unknown'),
    );
    return () => {
      current = false;
    };
  }, [token]);

  const submit = form.handleSubmit(async ({ password }) => {
    setError(null);
    try {
      await adminApi.acceptInvitation(token, password);
      setDone(true);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'INVITATION_GONE') setInfo('gone');
      else setError(errorText(err, t));
    }
  });
  const repeatError = form.formState.errors.repeat;

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <form className="login__card" onSubmit={(e) => void submit(e)} noValidate data-testid="invitation-page">
        <h1 className="login__title">{t('admin.invite.title')}</h1>
        {info === null && <p role="status">{t('admin.invite.checking')}</p>}
        {(info === 'gone' || info === 'unknown') && (
          <div className="login__error" role="alert" data-testid="invitation-invalid">
            {info === 'gone' ? t('admin.invite.expired') : t('admin.invite.unknown')}
          </div>
        )}
        {done && (
          <p role="status" data-testid="invitation-done">
            {t('admin.invite.done')}
          </p>
        )}
        {info && typeof info === 'object' && !done && (
          <>
            <p className="login__subtitle">{t('admin.invite.for', { name: info.name, email: info.email })}</p>
            <FormField label={t('admin.invite.password')} error={form.formState.errors.password} hint={t('admin.people.passwordHint')}>
              {({ id, describedBy, invalid }) => <input id={id} type="password" autoComplete="new-password" autoFocus className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="invitation-password" {...form.register('password')} />}
            </FormField>
            <FormField label={t('admin.invite.repeat')} error={repeatError ? { message: repeatError.message === 'mismatch' || repeatError.type === 'custom' ? t('admin.invite.mismatch') : repeatError.message } : undefined}>
              {({ id, describedBy, invalid }) => <input id={id} type="password" autoComplete="new-password" className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="invitation-repeat" {...form.register('repeat')} />}
            </FormField>
            {error && (
              <div className="login__error" role="alert">
                {error}
              </div>
            )}
            <button type="submit" className="button button--primary button--block" disabled={form.formState.isSubmitting} data-testid="invitation-submit">
              {t('admin.invite.submit')}
            </button>
          </>
        )}
        {(done || info === 'gone' || info === 'unknown') && (
          <button type="button" className="button button--primary button--block" onClick={onDone} data-testid="invitation-to-login">
            {t('admin.invite.toLogin')}
          </button>
        )}
      </form>
    </div>
  );
}
