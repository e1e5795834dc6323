import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../ui/FormField';
import { MAX_SHIFTS, WEEKDAYS, errorAt, type StoreFormApi } from './store-form';

/** The weekly hours: each day closed or open in one or more shifts (split shifts), or the store open around the clock. */
export function HoursEditor({ form }: { form: StoreFormApi }) {
  const { t } = useTranslation();
  const alwaysOpen = useWatch({ control: form.control, name: 'alwaysOpen' });
  const daysError = form.formState.errors.days;
  const copyMonday = () => {
    const monday = form.getValues('days.0.shifts');
    for (let i = 1; i < 5; i++) form.setValue(`days.${i}.shifts`, monday.map((s) => ({ ...s })), { shouldDirty: true });
  };
  return (
    <div className="hours-editor" data-testid="hours-editor">
      <CheckField label={t('admin.editor.alwaysOpen')}>{({ id }) => <input id={id} type="checkbox" data-testid="hours-always-open" {...form.register('alwaysOpen')} />}</CheckField>
      {alwaysOpen ? (
        <p className="admin-hint">{t('admin.editor.alwaysOpenHint')}</p>
      ) : (
        <>
          {WEEKDAYS.map((weekday, i) => (
            <DayRow key={weekday} form={form} index={i} weekday={weekday} />
          ))}
          <button type="button" className="link-button" onClick={copyMonday} data-testid="hours-copy-monday">
            {t('admin.editor.copyToWeekdays')}
          </button>
          {daysError?.message && !Array.isArray(daysError) && (
            <p className="form-field__error" role="alert">
              {t('admin.editor.noOpening')}
            </p>
          )}
        </>
      )}
    </div>
  );
}

function DayRow({ form, index, weekday }: { form: StoreFormApi; index: number; weekday: number }) {
  const { t } = useTranslation();
  const shifts = useFieldArray({ control: form.control, name: `days.${index}.shifts` });
  const day = t(`admin.weekdays.${weekday as 1}`);
  return (
    <div className="hours-day" role="group" aria-label={day} data-testid={`hours-day-${weekday}`}>
      <span className="hours-day__name">{day}</span>
      <div className="hours-day__shifts">
        {shifts.fields.length === 0 && <span className="hours-day__closed">{t('admin.editor.closed')}</span>}
        {shifts.fields.map((field, n) => (
          <ShiftInputs key={field.id} form={form} base={`days.${index}.shifts.${n}`} label={t('admin.editor.shiftOf', { day, n: n + 1 })} onRemove={() => shifts.remove(n)} removeLabel={t('admin.editor.removeShift', { n: n + 1 })} />
        ))}
      </div>
      {shifts.fields.length < MAX_SHIFTS && (
        <button type="button" className="button button--ghost hours-day__add" onClick={() => shifts.append(nextShift(form.getValues(`days.${index}.shifts`)))} data-testid={`hours-add-${weekday}`}>
          {t('admin.editor.addShift')}
        </button>
      )}
    </div>
  );
}

/** A new shift after the day's last one (09:00–18:00 on an empty day). */
function nextShift(existing: { open: string; close: string }[]): { open: string; close: string } {
  const last = existing[existing.length - 1];
  if (!last) return { open: '09:00', close: '18:00' };
  const h = Math.min(23, Number(last.close.slice(0, 2)) + 1);
  return { open: `${String(h).padStart(2, '0')}:00`, close: h >= 23 ? '24:00' : `${String(Math.min(24, h + 3)).padStart(2, '0')}:00` };
}

/** Opening and closing time of one shift ("HH:MM", 24:00 allowed), with their errors beside them. */
export function ShiftInputs({ form, base, label, onRemove, removeLabel }: { form: StoreFormApi; base: string; label: string; onRemove(): void; removeLabel: string }) {
  const { t } = useTranslation();
  const errors = form.formState.errors;
  const openError = errorAt(errors, `${base}.open`);
  const closeError = errorAt(errors, `${base}.close`);
  const rootError = errorAt(errors, base);
  const message = openError?.message ?? closeError?.message ?? (rootError?.message && !rootError.ref ? rootError.message : undefined);
  return (
    <span className="shift" role="group" aria-label={label}>
      <input className="input shift__time" inputMode="numeric" placeholder="09:00" maxLength={5} aria-label={`${label} · ${t('admin.editor.opens')}`} aria-invalid={!!openError} {...form.register(`${base}.open` as never)} />
      <span aria-hidden="true">–</span>
      <input className="input shift__time" inputMode="numeric" placeholder="18:00" maxLength={5} aria-label={`${label} · ${t('admin.editor.closes')}`} aria-invalid={!!closeError} {...form.register(`${base}.close` as never)} />
      <button type="button" className="icon-button shift__remove" aria-label={removeLabel} title={removeLabel} onClick={onRemove}>
        ×
      </button>
      {message && (
        <span className="form-field__error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
