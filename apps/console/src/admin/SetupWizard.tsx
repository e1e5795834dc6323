import { useMemo, useState, type ReactNode } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  AgencyLogo,
  AgencyName,
  CHANNEL_KINDS,
  CreateChannelInput,
  CreateStoreInput,
  CreateUserInput,
  DayHoursSlot,
  PLATFORMS,
  type SetupResult,
  Timezone,
  type User,
} from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { FormField } from '../ui/FormField';
import { contractResolver, serverFieldText } from '../ui/form-errors';
import { adminApi, inboundUrl, invitationUrl } from './admin-api';
import { CopyValue } from './AdminFrame';
import { LogoInput } from './LogoInput';
import { ADMIN, useDeskSettings } from './useAdmin';
import { errorText } from '../api/error-text';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The first run's form: the contract's setup in steps (the store open every day at one time; refined later). */
const SetupForm = z.object({
  agencyName: AgencyName,
  agencyLogo: AgencyLogo.nullable(),
  store: z.object({ name: CreateStoreInput.shape.name, platform: CreateStoreInput.shape.platform, timezone: Timezone, hours: DayHoursSlot }),
  channel: CreateChannelInput,
  agent: CreateUserInput.pick({ email: true, name: true, password: true }),
});
type SetupValues = z.input<typeof SetupForm>;

const STEPS: { key: 'agency' | 'store' | 'channel' | 'agent'; fields: FieldPath<SetupValues>[] }[] = [
  { key: 'agency', fields: ['agencyName', 'agencyLogo'] },
  { key: 'store', fields: ['store.name', 'store.platform', 'store.timezone', 'store.hours.open', 'store.hours.close', 'store.hours'] },
  { key: 'channel', fields: ['channel.name', 'channel.kind'] },
  { key: 'agent', fields: ['agent.email', 'agent.name', 'agent.password'] },
];

/** Shows the first-run setup to an admin of a new production desk, and the desk once it is done (or never needed). */
export function SetupGate({ user, children }: { user: User; children: ReactNode }) {
  const settings = useDeskSettings();
  const client = useQueryClient();
  const [result, setResult] = useState<SetupResult | null>(null);
  if (user.role !== 'admin') return children;
  if (settings.isPending) return <div className="splash" role="status"><span className="spinner" aria-hidden="true" /></div>;
  if (result) return <SetupDone result={result} onContinue={() => { setResult(null); void client.invalidateQueries(); }} />;
  if (settings.data?.setupRequired) return <SetupWizard onDone={setResult} />;
  return children;
}

function SetupWizard({ onDone }: { onDone(r: SetupResult): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const resolver = useMemo(() => contractResolver(SetupForm, t), [t]);
  const form = useForm<SetupValues, unknown, z.output<typeof SetupForm>>({
    resolver,
    defaultValues: {
      agencyName: '',
      agencyLogo: null,
      store: { name: '', platform: 'tmall', timezone: 'Asia/Shanghai', hours: { open: '09:00', close: '24:00' } },
      channel: { kind: 'marketplace_chat', name: '' },
      agent: { email: '', name: '', password: undefined },
    },
  });
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const errors = form.formState.errors;
  const last = step === STEPS.length - 1;

  const next = async () => {
    if (await form.trigger(STEPS[step].fields)) setStep((s) => s + 1);
  };
  const submit = form.handleSubmit(
    async (v) => {
      setError(null);
      try {
        const result = await adminApi.setup({
          agencyName: v.agencyName,
          agencyLogo: v.agencyLogo,
          store: { name: v.store.name, platform: v.store.platform, timezone: v.store.timezone, businessHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ...v.store.hours })) },
          channel: v.channel,
          agent: { ...v.agent, languages: ['zh', 'en'], maxConcurrent: 8 },
        });
        void client.invalidateQueries({ queryKey: [ADMIN] });
        onDone(result);
      } catch (err) {
        const e = err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err));
        const fields = Object.entries(e.fields ?? {});
        for (const [path, reason] of fields) form.setError(path as FieldPath<SetupValues>, { message: serverFieldText(reason, t) });
        setError(fields.length ? t('admin.common.fixFields') : t('admin.common.saveError', { message: errorText(e, t) }));
      }
    },
    () => setError(t('admin.common.fixFields')),
  );

  const field = (name: FieldPath<SetupValues>, label: string, opts: { type?: string; hint?: string; testId: string; autoFocus?: boolean; blank?: boolean }) => (
    <FormField label={label} hint={opts.hint} error={name.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], errors) as never}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type={opts.type ?? 'text'}
          className="input"
          autoFocus={opts.autoFocus}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          data-testid={opts.testId}
          {...form.register(name, opts.blank ? { setValueAs: blankToUndefined } : {})}
        />
      )}
    </FormField>
  );

  return (
    <div className="login setup">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <form
        className="login__card setup__card"
        noValidate
        data-testid="setup-wizard"
        onSubmit={(e) => {
          e.preventDefault();
          if (last) void submit(e);
          else void next();
        }}
      >
        <h1 className="login__title">{t('admin.setup.title')}</h1>
        <p className="login__subtitle">{t('admin.setup.subtitle')}</p>
        <ol className="setup__steps" aria-label={t('admin.setup.step', { n: step + 1, total: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s.key} className={i === step ? 'is-current' : i < step ? 'is-done' : ''} aria-current={i === step ? 'step' : undefined}>
              {t(`admin.setup.steps.${s.key}`)}
            </li>
          ))}
        </ol>
        <p className="admin-muted">{t('admin.setup.step', { n: step + 1, total: STEPS.length })}</p>

        {step === 0 && (
          <>
            {field('agencyName', t('admin.desk.agencyName'), { testId: 'setup-agency', autoFocus: true })}
            <FormField label={t('admin.desk.logo')} hint={t('admin.desk.logoHint')} error={errors.agencyLogo}>
              {({ id }) => <Controller control={form.control} name="agencyLogo" render={({ field: f }) => <LogoInput id={id} value={f.value ?? null} onChange={f.onChange} />} />}
            </FormField>
          </>
        )}
        {step === 1 && (
          <>
            <p className="admin-hint">{t('admin.setup.storeHint')}</p>
            {field('store.name', t('admin.editor.name'), { testId: 'setup-store-name', autoFocus: true })}
            <FormField label={t('admin.editor.platform')} error={errors.store?.platform}>
              {({ id }) => (
                <select id={id} className="input" data-testid="setup-store-platform" {...form.register('store.platform')}>
                  {PLATFORMS.map((p) => (
                    <option key={p} value={p}>
                      {t(`platforms.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {field('store.timezone', t('admin.editor.timezone'), { testId: 'setup-store-timezone', hint: t('admin.editor.timezoneHint') })}
            <div className="admin-grid">
              {field('store.hours.open', `${t('admin.setup.weekdayHours')}`, { testId: 'setup-store-open' })}
              {field('store.hours.close', t('admin.setup.until'), { testId: 'setup-store-close' })}
            </div>
          </>
        )}
        {step === 2 && (
          <>
            <p className="admin-hint">{t('admin.setup.channelHint')}</p>
            {field('channel.name', t('admin.channels.name'), { testId: 'setup-channel-name', autoFocus: true })}
            <FormField label={t('admin.channels.kind')} error={errors.channel?.kind}>
              {({ id }) => (
                <select id={id} className="input" data-testid="setup-channel-kind" {...form.register('channel.kind')}>
                  {CHANNEL_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`admin.channels.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </>
        )}
        {step === 3 && (
          <>
            <p className="admin-hint">{t('admin.setup.agentHint')}</p>
            {field('agent.name', t('admin.people.name'), { testId: 'setup-agent-name', autoFocus: true })}
            {field('agent.email', t('admin.people.email'), { testId: 'setup-agent-email', type: 'email' })}
            {field('agent.password', t('admin.people.password'), { testId: 'setup-agent-password', type: 'password', blank: true, hint: t('admin.people.passwordHint') })}
          </>
        )}
        {error && (
          <div className="login__error" role="alert" data-testid="setup-error">
            {error}
          </div>
        )}
        <div className="setup__actions">
          {step > 0 && (
            <button type="button" className="button button--ghost" onClick={() => setStep((s) => s - 1)}>
              {t('admin.setup.back')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting} data-testid="setup-next">
            {last ? (form.formState.isSubmitting ? t('admin.setup.finishing') : t('admin.setup.finish')) : t('admin.setup.next')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** What the first run made, shown once: the channel's webhook address and secret, the agent's invitation link. */
function SetupDone({ result, onContinue }: { result: SetupResult; onContinue(): void }) {
  const { t } = useTranslation();
  return (
    <div className="login setup">
      <div className="login__card setup__card" data-testid="setup-done">
        <h1 className="login__title">{t('admin.setup.doneTitle')}</h1>
        <p className="login__subtitle">{t('admin.setup.doneText')}</p>
        <CopyValue label={`${result.channel.name} · ${t('admin.channels.inboundUrl')}`} value={inboundUrl(result.channel)} testId="setup-inbound-url" />
        <CopyValue label={t('admin.channels.secret')} value={result.channel.secret} testId="setup-secret" />
        {result.invitation && <CopyValue label={`${result.agent.name} · ${t('admin.people.inviteLink')}`} value={invitationUrl(result.invitation.path)} testId="setup-invitation" />}
        <button type="button" className="button button--primary button--block" onClick={onContinue} autoFocus data-testid="setup-to-desk">
          {t('admin.setup.toDesk')}
        </button>
      </div>
    </div>
  );
}
