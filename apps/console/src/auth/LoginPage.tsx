import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LoginInput, text } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { errorText } from '../api/error-text';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { contractResolver } from '../ui/form';
import { FormField } from '../ui/FormField';
import { Icon } from '../ui/icons';
import { useAuth } from './AuthProvider';

/** The contract's login, with the address as typed (spaces around it do not count). */
const LoginForm = LoginInput.extend({ email: text().trim().pipe(LoginInput.shape.email) });
type LoginValues = { email: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const form = useForm<LoginValues, unknown, LoginInput>({ resolver: contractResolver(LoginForm), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  // What the server said (wrong password, unreachable): the form's own message, not a field's.
  const [error, setError] = useState<string | null>(null);

  const submit = form.handleSubmit(async (input) => {
    setError(null);
    try {
      await login(input);
    } catch (err) {
      setError(err instanceof ApiRequestError && err.code === 'BAD_CREDENTIALS' ? t('login.badCredentials') : errorText(err, t));
    }
  });

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <form className="login__card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="login__brand">
          <span className="brand__logo brand__logo--large" aria-hidden="true">
            <Icon name="chat" size={22} strokeWidth={2.2} />
          </span>
          <div>
            <div className="login__brand-name">
              {t('app.nameLocal')} <span>{t('app.name')}</span>
            </div>
            <div className="login__tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="login__title">{t('login.title')}</h1>
        <p className="login__subtitle">{t('login.subtitle')}</p>

        <FormField label={t('login.email')} error={errors.email && t('login.invalidEmail')}>
          {(c) => (
            <input
              {...c}
              {...form.register('email')}
              className="input"
              type="email"
              autoComplete="username"
              autoFocus
              data-testid="login-email"
              placeholder={t('login.emailPlaceholder')}
              aria-invalid={c['aria-invalid'] ?? (error ? true : undefined)}
            />
          )}
        </FormField>
        <FormField label={t('login.password')} error={errors.password && t('login.missingPassword')}>
          {(c) => (
            <input
              {...c}
              {...form.register('password')}
              className="input"
              type="password"
              autoComplete="current-password"
              data-testid="login-password"
              aria-invalid={c['aria-invalid'] ?? (error ? true : undefined)}
            />
          )}
        </FormField>
        {error && (
          <div className="login__error" role="alert" data-testid="login-error">
            <Icon name="alert" size={14} />
            {error}
          </div>
        )}
        <button type="submit" className="button button--primary button--block" data-testid="login-submit" disabled={isSubmitting}>
          {isSubmitting && <span className="spinner spinner--light" aria-hidden="true" />}
          {isSubmitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="login__footer">{t('login.footer')}</p>
    </div>
  );
}
