import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_HOLIDAYS, type Store } from '@kefu/contracts';
import { MAX_SHIFTS, errorAt, type StoreFormApi } from './store-form';
import { ShiftInputs } from './HoursEditor';

/** The store's calendar of dated exceptions: closed days (节假日) and days with other hours (调休 make-up days). */
export function HolidaysEditor({ form, otherStores }: { form: StoreFormApi; otherStores: Store[] }) {
  const { t } = useTranslation();
  const holidays = useFieldArray({ control: form.control, name: 'holidays' });
  const errors = form.formState.errors;
  const add = () => {
    const last = form.getValues('holidays').at(-1)?.date;
    const next = last ? new Date(Date.parse(`${last}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : new Date().toISOString().slice(0, 10);
    holidays.append({ date: next, closed: true, hours: [] });
  };
  return (
    <div className="holidays-editor" data-testid="holidays-editor">
      <p className="admin-hint">{t('admin.editor.holidaysHint')}</p>
      {holidays.fields.length === 0 && <p className="admin-muted">{t('admin.editor.noHolidays')}</p>}
      <ol className="holidays-list">
        {holidays.fields.map((field, i) => (
          <HolidayRow key={field.id} form={form} index={i} onRemove={() => holidays.remove(i)} />
        ))}
      </ol>
      {errorAt(errors, 'holidays')?.message && (
        <p className="form-field__error" role="alert">
          {errorAt(errors, 'holidays')!.message}
        </p>
      )}
      {holidays.fields.length < MAX_HOLIDAYS && (
        <button type="button" className="button button--ghost" onClick={add} data-testid="holiday-add">
          {t('admin.editor.addHoliday')}
        </button>
      )}
      {otherStores.length > 0 && (
        <fieldset className="holidays-copy">
          <legend>{t('admin.editor.copyHolidays')}</legend>
          <p className="admin-hint">{t('admin.editor.copyHolidaysHint')}</p>
          {otherStores.map((s) => (
            <label key={s.id} className="holidays-copy__store">
              <input type="checkbox" value={s.id} {...form.register('copyHolidaysTo')} /> {s.name}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function HolidayRow({ form, index, onRemove }: { form: StoreFormApi; index: number; onRemove(): void }) {
  const { t } = useTranslation();
  const closed = useWatch({ control: form.control, name: `holidays.${index}.closed` });
  const date = useWatch({ control: form.control, name: `holidays.${index}.date` });
  const hours = useFieldArray({ control: form.control, name: `holidays.${index}.hours` });
  const errors = form.formState.errors;
  const dateError = errorAt(errors, `holidays.${index}.date`);
  const hoursError = errorAt(errors, `holidays.${index}.hours`);
  return (
    <li className="holiday" data-testid={`holiday-${index}`}>
      <span className="holiday__date">
        <input type="date" className="input" aria-label={t('admin.editor.holidayDate')} aria-invalid={!!dateError} data-testid={`holiday-date-${index}`} {...form.register(`holidays.${index}.date`)} />
        {dateError?.message && (
          <span className="form-field__error" role="alert">
            {dateError.message}
          </span>
        )}
      </span>
      <select
        className="input holiday__kind"
        aria-label={`${t('admin.editor.holidayKind')} ${date}`}
        data-testid={`holiday-kind-${index}`}
        value={closed ? 'closed' : 'open'}
        onChange={(e) => {
          const open = e.target.value === 'open';
          form.setValue(`holidays.${index}.closed`, !open, { shouldDirty: true });
          if (open && hours.fields.length === 0) hours.append({ open: '09:00', close: '18:00' });
        }}
      >
        <option value="closed">{t('admin.editor.holidayClosed')}</option>
        <option value="open">{t('admin.editor.holidayOpen')}</option>
      </select>
      {!closed && (
        <span className="holiday__hours">
          {hours.fields.map((f, n) => (
            <ShiftInputs key={f.id} form={form} base={`holidays.${index}.hours.${n}`} label={t('admin.editor.shiftOf', { day: date, n: n + 1 })} onRemove={() => hours.remove(n)} removeLabel={t('admin.editor.removeShift', { n: n + 1 })} />
          ))}
          {hours.fields.length < MAX_SHIFTS && (
            <button type="button" className="link-button" onClick={() => hours.append({ open: '13:00', close: '18:00' })}>
              {t('admin.editor.addShift')}
            </button>
          )}
          {hoursError?.message && !Array.isArray(hoursError) && (
            <span className="form-field__error" role="alert">
              {hoursError.message}
            </span>
          )}
        </span>
      )}
      <button type="button" className="icon-button" aria-label={t('admin.editor.removeHoliday', { date })} title={t('admin.editor.removeHoliday', { date })} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
