import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateUserInput, type InvitationIssued, LANGUAGES, ROLES, type Store, UpdateUserInput, type User } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { useMe } from '../desk/me';
import { formatDateTime } from '../time/format';
import { FormField } from '../ui/FormField';
import { contractResolver, serverFieldText } from '../ui/form-errors';
import { Modal } from '../ui/Modal';
import { adminApi, invitationUrl } from './admin-api';
import { AdminFrame, CopyValue, LoadError } from './AdminFrame';
import { useAdminChanged, useAdminStores, usePeople } from './useAdmin';
import { errorText } from '../api/error-text';

/** #/admin/people — everyone on the desk: role, stores, languages, capacity, active or not; invitations. */
export function PeopleScreen() {
  const { t } = useTranslation();
  const { people, loading, error, reload } = usePeople();
  const { stores } = useAdminStores();
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [invitation, setInvitation] = useState<{ user: Pick<User, 'name'>; issued: InvitationIssued } | null>(null);
  return (
    <AdminFrame
      testId="admin-people"
      title={t('admin.people.title')}
      subtitle={t('admin.people.subtitle')}
      tools={
        <button type="button" className="button button--primary" onClick={() => setEditing('new')} data-testid="person-new">
          {t('admin.people.new')}
        </button>
      }
    >
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && <span className="spinner" role="status" aria-label="…" />}
      {!loading && people.length === 0 && !error && <p className="admin-muted">{t('admin.people.empty')}</p>}
      {people.length > 0 && (
        <table className="admin-table" data-testid="people-table">
          <thead>
            <tr>
              {(['name', 'role', 'stores', 'languages', 'capacity', 'status'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`admin.people.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {people.map((u) => (
              <tr key={u.id} className={u.active ? '' : 'is-inactive'} data-testid={`person-${u.email}`}>
                <td>
                  <button type="button" className="admin-table__link link-button" onClick={() => setEditing(u)}>
                    {u.name}
                  </button>
                  <span className="admin-table__sub">{u.email}</span>
                </td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>{u.storeIds.length === 0 ? (u.role === 'agent' ? t('admin.people.noStores') : t('admin.people.allStores')) : u.storeIds.map((s) => storeName.get(s) ?? s.slice(0, 8)).join(', ')}</td>
                <td>{u.languages.map((l) => t(`admin.editor.languages.${l}`)).join(', ')}</td>
                <td>{u.role === 'client' ? '—' : u.maxConcurrent}</td>
                <td>{u.active ? t('admin.people.active') : t('admin.people.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <PersonDialog
          person={editing === 'new' ? null : editing}
          stores={stores}
          onClose={() => setEditing(null)}
          onInvited={(user, issued) => {
            setEditing(null);
            setInvitation({ user, issued });
          }}
        />
      )}
      {invitation && <InvitationDialog name={invitation.user.name} issued={invitation.issued} onClose={() => setInvitation(null)} />}
    </AdminFrame>
  );
}

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** A brand's user must be given their stores (the server's rule, checked before asking it). */
const clientNeedsStores = (v: { role?: User['role']; storeIds?: string[] }, ctx: z.RefinementCtx) => {
  if (v.role === 'client' && !v.storeIds?.length) ctx.addIssue({ code: 'custom', path: ['storeIds'], message: 'a client must be given their stores' });
};
const NewPersonForm = CreateUserInput.extend({ access: z.enum(['invite', 'password']) }).superRefine((v, ctx) => {
  if (v.access === 'password' && !v.password) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 8, inclusive: true, path: ['password'], message: 'must be at least 8 characters' });
  clientNeedsStores(v, ctx);
});
const EditPersonForm = UpdateUserInput.superRefine(clientNeedsStores);
type PersonValues = z.input<typeof NewPersonForm> & z.input<typeof EditPersonForm>;

function PersonDialog({ person, stores, onClose, onInvited }: { person: User | null; stores: Store[]; onClose(): void; onInvited(user: User, issued: InvitationIssued): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const id = useId();
  const changed = useAdminChanged();
  const schema = person ? EditPersonForm : NewPersonForm;
  const resolver = useMemo(() => contractResolver(schema as typeof NewPersonForm, t), [schema, t]);
  const form = useForm<PersonValues, unknown, PersonValues>({
    resolver: resolver as never,
    defaultValues: person
      ? { name: person.name, role: person.role, storeIds: person.storeIds, languages: person.languages, maxConcurrent: person.maxConcurrent }
      : { email: '', name: '', role: 'agent', storeIds: [], languages: ['zh'], maxConcurrent: 8, access: 'invite' },
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const access = useWatch({ control: form.control, name: 'access' });
  const client = useWatch({ control: form.control, name: 'role' }) === 'client';
  const [error, setError] = useState<string | null>(null);

  const fail = (err: unknown) => {
    const e = err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err));
    const fields = Object.entries(e.fields ?? {});
    for (const [path, reason] of fields) form.setError(path.split('.')[0] as never, { message: serverFieldText(reason, t) });
    setError(fields.length ? t('admin.common.fixFields') : t('admin.common.saveError', { message: errorText(e, t) }));
  };

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      if (!person) {
        const { access: how, ...input } = v as z.output<typeof NewPersonForm>;
        const created = await adminApi.createUser({ ...input, password: how === 'password' ? input.password : undefined });
        changed();
        if (how === 'invite') onInvited(created, await adminApi.invite(created.id));
        else onClose();
      } else {
        const { name, role, storeIds, languages, maxConcurrent, password } = v;
        await adminApi.updateUser(person.id, { name, role, storeIds, languages, maxConcurrent, ...(password && { password }) });
        changed();
        onClose();
      }
    } catch (err) {
      fail(err);
    }
  });

  const setActive = async (active: boolean) => {
    if (!person) return;
    try {
      await adminApi.updateUser(person.id, { active });
      changed();
      onClose();
    } catch (err) {
      fail(err);
    }
  };
  const invite = async () => {
    if (!person) return;
    try {
      onInvited(person, await adminApi.invite(person.id));
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Modal labelledBy={`${id}-title`} onCancel={onClose} className="modal--wide" testId="person-dialog">
      <form className="admin-dialog" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="modal__title" id={`${id}-title`}>
          {person ? t('admin.people.editTitle', { name: person.name }) : t('admin.people.newTitle')}
        </h2>
        <div className="admin-grid">
          {!person && (
            <FormField label={t('admin.people.email')} error={errors.email}>
              {({ id: f, describedBy, invalid }) => <input id={f} type="email" className="input" data-autofocus aria-describedby={describedBy} aria-invalid={invalid} data-testid="person-email" {...register('email')} />}
            </FormField>
          )}
          <FormField label={t('admin.people.name')} error={errors.name}>
            {({ id: f, describedBy, invalid }) => <input id={f} className="input" data-autofocus={person ? true : undefined} aria-describedby={describedBy} aria-invalid={invalid} data-testid="person-name" {...register('name')} />}
          </FormField>
          <FormField label={t('admin.people.role')} error={errors.role}>
            {({ id: f }) => (
              <select id={f} className="input" data-testid="person-role" {...register('role')}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {!client && (
            <FormField label={t('admin.people.capacity')} hint={t('admin.people.capacityHint')} error={errors.maxConcurrent}>
              {({ id: f, describedBy, invalid }) => <input id={f} type="number" min={1} max={100} className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="person-capacity" {...register('maxConcurrent', { valueAsNumber: true })} />}
            </FormField>
          )}
        </div>
        {client && (
          <p className="admin-hint" data-testid="person-client-hint">
            {t('admin.people.clientHint')}
          </p>
        )}
        <fieldset className="admin-choices" aria-describedby={`${id}-stores-hint`}>
          <legend>{t('admin.people.stores')}</legend>
          {stores.map((s) => (
            <label key={s.id} className="admin-choice">
              <input type="checkbox" value={s.id} data-testid={`person-store-${s.name}`} {...register('storeIds')} /> {s.name}
            </label>
          ))}
          <span className="form-field__hint" id={`${id}-stores-hint`}>
            {client ? t('admin.people.storesHintClient') : t('admin.people.storesHint')}
          </span>
          {errors.storeIds?.message && (
            <span className="form-field__error" role="alert">
              {errors.storeIds.message}
            </span>
          )}
        </fieldset>
        <fieldset className="admin-choices">
          <legend>{t('admin.people.languages')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="admin-choice">
              <input type="checkbox" value={l} {...register('languages')} /> {t(`admin.editor.languages.${l}`)}
            </label>
          ))}
          {errors.languages?.message && (
            <span className="form-field__error" role="alert">
              {errors.languages.message}
            </span>
          )}
        </fieldset>
        {!person && (
          <fieldset className="admin-choices">
            <legend>{t('admin.people.access')}</legend>
            <label className="admin-choice">
              <input type="radio" value="invite" data-testid="person-access-invite" {...register('access')} /> {t('admin.people.accessInvite')}
            </label>
            <label className="admin-choice">
              <input type="radio" value="password" data-testid="person-access-password" {...register('access')} /> {t('admin.people.accessPassword')}
            </label>
          </fieldset>
        )}
        {(person || access === 'password') && (
          <FormField label={person ? t('admin.people.newPassword') : t('admin.people.password')} hint={t('admin.people.passwordHint')} error={errors.password}>
            {({ id: f, describedBy, invalid }) => <input id={f} type="password" autoComplete="new-password" className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="person-password" {...register('password', { setValueAs: blankToUndefined })} />}
          </FormField>
        )}
        {person && <p className="admin-hint">{t('admin.people.deactivateHint')}</p>}
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          {person && person.id !== me.id && (
            <button type="button" className="button button--ghost" onClick={() => void setActive(!person.active)} data-testid="person-toggle-active">
              {person.active ? t('admin.people.deactivate') : t('admin.people.activate')}
            </button>
          )}
          {person?.active && (
            <button type="button" className="button button--ghost" onClick={() => void invite()} data-testid="person-invite">
              {t('admin.people.invite')}
            </button>
          )}
          <span className="modal__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('admin.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting} data-testid="person-save">
            {person ? t('admin.people.save') : t('admin.people.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The invitation link, shown this once to hand over. */
export function InvitationDialog({ name, issued, onClose }: { name: string; issued: InvitationIssued; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} onCancel={onClose} className="modal--wide" testId="invitation-dialog">
      <div className="admin-dialog">
        <h2 className="modal__title" id={`${id}-title`}>
          {t('admin.people.inviteTitle', { name })}
        </h2>
        <p className="modal__text">{t('admin.people.inviteOnce', { time: formatDateTime(issued.expiresAt, i18n.language) })}</p>
        <CopyValue label={t('admin.people.inviteLink')} value={invitationUrl(issued.path)} testId="invitation-link" />
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={onClose} data-autofocus data-testid="invitation-close">
            {t('admin.common.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
