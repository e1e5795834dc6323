import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginInput } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { errorText } from '../api/error-text';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { Icon } from '../ui/icons';
import { useAuth } from './AuthProvider';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = LoginInput.safeParse({ email: email.trim(), password });
    if (!input.success) {
      const badEmail = input.error.issues.some((i) => i.path[0] === 'email');
      setError(badEmail ? t('login.invalidEmail') : t('login.missingPassword'));
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      await login(input.data);
    } catch (err) {
      setError(err instanceof ApiRequestError && err.code === 'BAD_CREDENTIALS' ? t('login.badCredentials') : errorText(err, t));
      setSubmitting(false);
    }
  };

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

        <label className="field">
          <span className="field__label">{t('login.email')}</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            autoFocus
            data-testid="login-email"
            placeholder={t('login.emailPlaceholder')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            data-testid="login-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <div className="login__error" role="alert" data-testid="login-error">
            <Icon name="alert" size={14} />
            {error}
          </div>
        )}
        <button type="submit" className="button button--primary button--block" data-testid="login-submit" disabled={submitting}>
          {submitting && <span className="spinner spinner--light" aria-hidden="true" />}
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="login__footer">{t('login.footer')}</p>
    </div>
  );
}
