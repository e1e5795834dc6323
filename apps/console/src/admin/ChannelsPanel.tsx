import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CHANNEL_KINDS, type Channel, type ChannelWithSecret, CreateChannelInput, MAX_SECRET_OVERLAP_SECONDS, type Store } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { formatDateTime } from '../time/format';
import { FormField } from '../ui/FormField';
import { contractResolver, serverFieldText } from '../ui/form-errors';
import { Modal } from '../ui/Modal';
import { adminApi, inboundUrl } from './admin-api';
import { CopyValue, LoadError } from './AdminFrame';
import { useAdminChanged, useChannels } from './useAdmin';
import { errorText } from '../api/error-text';


/** A store's channels: created with their secret shown once, the secret rotated with an overlap, disabled or enabled. */
export function ChannelsPanel({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const channels = useChannels(store.id);
  const changed = useAdminChanged();
  const [shown, setShown] = useState<ChannelWithSecret | null>(null);
  const [rotating, setRotating] = useState<Channel | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toggle = async (c: Channel) => {
    if (c.active && !window.confirm(t('admin.channels.disableConfirm', { name: c.name }))) return;
    setError(null);
    try {
      await adminApi.updateChannel(c.id, { active: !c.active });
      changed();
    } catch (err) {
      setError(t('admin.common.saveError', { message: errorText(err, t) }));
    }
  };

  return (
    <section className="admin-section admin-section--panel" aria-labelledby="channels-title" data-testid="channels-panel">
      <h2 id="channels-title" className="admin-section__title">
        {t('admin.channels.title')}
      </h2>
      <p className="admin-hint">{t('admin.channels.hint')}</p>
      {channels.error && <LoadError error={channels.error} onRetry={() => void channels.refetch()} />}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {channels.data?.length === 0 && <p className="admin-muted">{t('admin.channels.empty')}</p>}
      <ul className="channel-list">
        {channels.data?.map((c) => (
          <li key={c.id} className={`channel${c.active ? '' : ' channel--off'}`} data-testid={`channel-${c.name}`}>
            <div className="channel__main">
              <span className="channel__name">{c.name}</span>
              <span className="channel__kind">{t(`admin.channels.kinds.${c.kind}`)}</span>
              <span className={`badge ${c.active ? 'badge--ok' : 'badge--muted'}`} data-testid="channel-state">
                {c.active ? t('admin.channels.active') : t('admin.channels.disabled')}
              </span>
            </div>
            <code className="channel__url">{inboundUrl(c)}</code>
            <div className="channel__meta">
              {c.secretRotatedAt && <span>{t('admin.channels.rotatedAt', { time: formatDateTime(c.secretRotatedAt, i18n.language) })}</span>}
              {c.previousSecretExpiresAt && <span data-testid="channel-overlap">{t('admin.channels.overlapUntil', { time: formatDateTime(c.previousSecretExpiresAt, i18n.language) })}</span>}
            </div>
            <div className="channel__actions">
              <button type="button" className="button button--ghost" onClick={() => setRotating(c)} disabled={!c.active} data-testid="channel-rotate">
                {t('admin.channels.rotate')}
              </button>
              <button type="button" className="button button--ghost" onClick={() => void toggle(c)} data-testid="channel-toggle">
                {c.active ? t('admin.channels.disable') : t('admin.channels.enable')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <NewChannelForm
        storeId={store.id}
        onCreated={(c) => {
          changed();
          setShown(c);
        }}
      />
      {rotating && (
        <RotateDialog
          channel={rotating}
          onClose={() => setRotating(null)}
          onRotated={(c) => {
            setRotating(null);
            changed();
            setShown(c);
          }}
        />
      )}
      {shown && <SecretDialog channel={shown} onClose={() => setShown(null)} />}
    </section>
  );
}

function NewChannelForm({ storeId, onCreated }: { storeId: string; onCreated(c: ChannelWithSecret): void }) {
  const { t } = useTranslation();
  const resolver = useMemo(() => contractResolver(CreateChannelInput, t), [t]);
  const form = useForm<z.input<typeof CreateChannelInput>, unknown, CreateChannelInput>({ resolver, defaultValues: { kind: 'marketplace_chat', name: '' } });
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onCreated(await adminApi.createChannel(storeId, values));
      form.reset({ kind: values.kind, name: '' });
    } catch (err) {
      const fields = err instanceof ApiRequestError ? err.fields : undefined;
      if (fields?.name) form.setError('name', { message: serverFieldText(fields.name, t) });
      else setError(t('admin.common.saveError', { message: errorText(err, t) }));
    }
  });
  return (
    <form className="admin-inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('admin.channels.new')} data-testid="channel-new">
      <FormField label={t('admin.channels.name')} error={form.formState.errors.name}>
        {({ id, describedBy, invalid }) => <input id={id} className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="channel-new-name" {...form.register('name')} />}
      </FormField>
      <FormField label={t('admin.channels.kind')} error={form.formState.errors.kind}>
        {({ id }) => (
          <select id={id} className="input" data-testid="channel-new-kind" {...form.register('kind')}>
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.channels.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting} data-testid="channel-create">
        {t('admin.channels.create')}
      </button>
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

/** The overlap in hours, as people choose it; sent in seconds (the contract bounds it). */
const RotateForm = z.object({ overlapHours: z.number().int().min(0).max(MAX_SECRET_OVERLAP_SECONDS / 3600) });

function RotateDialog({ channel, onClose, onRotated }: { channel: Channel; onClose(): void; onRotated(c: ChannelWithSecret): void }) {
  const { t } = useTranslation();
  const id = useId();
  const resolver = useMemo(() => contractResolver(RotateForm, t), [t]);
  const form = useForm<z.input<typeof RotateForm>, unknown, z.output<typeof RotateForm>>({ resolver, defaultValues: { overlapHours: 24 } });
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async ({ overlapHours }) => {
    try {
      onRotated(await adminApi.rotateSecret(channel.id, { overlapSeconds: overlapHours * 3600 }));
    } catch (err) {
      setError(t('admin.common.saveError', { message: errorText(err, t) }));
    }
  });
  return (
    <Modal labelledBy={`${id}-title`} onCancel={onClose} testId="rotate-dialog">
      <form className="admin-dialog" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="modal__title" id={`${id}-title`}>
          {t('admin.channels.rotate')} · {channel.name}
        </h2>
        <FormField label={t('admin.channels.overlap')} hint={t('admin.channels.overlapHint')} error={form.formState.errors.overlapHours}>
          {({ id: inputId, describedBy, invalid }) => (
            <span className="admin-unit">
              <input id={inputId} type="number" min={0} max={168} step={1} className="input" data-autofocus aria-describedby={describedBy} aria-invalid={invalid} data-testid="rotate-overlap" {...form.register('overlapHours', { valueAsNumber: true })} />
              {t('admin.channels.overlapHours')}
            </span>
          )}
        </FormField>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('admin.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting} data-testid="rotate-confirm">
            {t('admin.channels.rotateConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The webhook address and the secret, shown this once with copy buttons. */
export function SecretDialog({ channel, onClose }: { channel: ChannelWithSecret; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} onCancel={onClose} className="modal--wide" testId="secret-dialog">
      <div className="admin-dialog">
        <h2 className="modal__title" id={`${id}-title`}>
          {t('admin.channels.secretTitle', { name: channel.name })}
        </h2>
        <p className="modal__text" id={`${id}-text`}>
          {t('admin.channels.secretOnce')}
        </p>
        <CopyValue label={t('admin.channels.inboundUrl')} value={inboundUrl(channel)} testId="secret-url" />
        <CopyValue label={t('admin.channels.secret')} value={channel.secret} testId="secret-value" />
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={onClose} data-autofocus data-testid="secret-close">
            {t('admin.common.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
