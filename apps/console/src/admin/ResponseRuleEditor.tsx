import { useId, useRef } from 'react';
import { useFieldArray, useWatch, type UseFieldArrayReturn } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_RESPONSE_EXEMPTIONS, defaultResponseRule, type ResponseRule } from '@kefu/contracts';
import { CheckField, FormField } from '../ui/FormField';
import { MAX_NUDGES, errorAt, nextNudge, ruleFormOf, type StoreFormApi, type StoreFormValues } from './store-form';

/**
 * The platform's response metric of the store: its platform's default (followed, or the starting point of a rule of the
 * store's own), or the store's limit, the hours it is counted in and when agents are nudged.
 */
export function ResponseRuleEditor({ form }: { form: StoreFormApi }) {
  const { t, i18n } = useTranslation();
  const platform = useWatch({ control: form.control, name: 'platform' });
  const followDefault = useWatch({ control: form.control, name: 'responseRule.followDefault' });
  const nudges = useFieldArray({ control: form.control, name: 'responseRule.nudges' });
  const customize = useRef<HTMLButtonElement>(null);
  const platformRule = defaultResponseRule(platform);

  // Either way the fields hold the platform's default: a rule of its own starts from it, and following it drops any edit.
  const choose = (follow: boolean) => {
    const rule = ruleFormOf(platformRule, follow);
    const dirty = { shouldDirty: true };
    form.setValue('responseRule.followDefault', rule.followDefault, dirty);
    form.setValue('responseRule.seconds', rule.seconds, dirty);
    form.setValue('responseRule.allDay', rule.allDay, dirty);
    form.setValue('responseRule.start', rule.start, dirty);
    form.setValue('responseRule.end', rule.end, dirty);
    nudges.replace(rule.nudges);
    form.clearErrors('responseRule');
    // The button pressed goes away: the focus moves to what replaced it.
    requestAnimationFrame(() => (follow ? customize.current?.focus() : form.setFocus('responseRule.seconds')));
  };

  return (
    <div className="response-rule" data-testid="response-rule">
      <p className="admin-hint">{t('admin.editor.responseHint')}</p>
      <div className={`rule-default${followDefault ? ' is-followed' : ''}`}>
        <p className="rule-default__text" data-testid="rule-default">
          {t('admin.editor.ruleDefault', { platform: t(`platforms.${platform}`), rule: ruleText(platformRule, t, i18n.language) })}
        </p>
        {followDefault ? (
          <>
            <span className="admin-ok" role="status" data-testid="rule-follows-default">
              {t('admin.editor.ruleFollowsDefault')}
            </span>
            <button ref={customize} type="button" className="button button--ghost" onClick={() => choose(false)} data-testid="rule-customize">
              {t('admin.editor.ruleCustomize')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--ghost" onClick={() => choose(true)} data-testid="rule-use-default">
            {t('admin.editor.ruleUseDefault')}
          </button>
        )}
      </div>
      {!followDefault && <OwnRule form={form} nudges={nudges} />}
      <ExemptionsEditor form={form} />
    </div>
  );
}

/** "reply within 30 s, counted 09:00–23:00, nudges at 15, 25 s". */
function ruleText(rule: ResponseRule, t: TFunction, language: string): string {
  const list = new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' }).format(rule.nudgeSeconds.map(String));
  return t('admin.editor.ruleText', {
    seconds: rule.seconds,
    hours: rule.window ? t('admin.editor.ruleHours', rule.window) : t('admin.editor.ruleAllDayText'),
    nudges: rule.nudgeSeconds.length ? t('admin.editor.ruleNudgesText', { list }) : t('admin.editor.ruleNoNudgesText'),
  });
}

function OwnRule({ form, nudges }: { form: StoreFormApi; nudges: UseFieldArrayReturn<StoreFormValues, 'responseRule.nudges'> }) {
  const { t } = useTranslation();
  const nudgesLabel = useId();
  const allDay = useWatch({ control: form.control, name: 'responseRule.allDay' });
  const errors = form.formState.errors;
  const num = { valueAsNumber: true } as const;
  const listError = errorAt(errors, 'responseRule.nudges');
  const add = () => nudges.append({ seconds: nextNudge(form.getValues('responseRule.nudges').map((n) => n.seconds), form.getValues('responseRule.seconds')) });
  return (
    <div className="rule-own" data-testid="rule-own">
      <div className="admin-grid">
        <FormField label={t('admin.editor.ruleSeconds')} error={errorAt(errors, 'responseRule.seconds')}>
          {({ id, describedBy, invalid }) => <input id={id} type="number" min={1} step={1} className="input" aria-describedby={describedBy} aria-invalid={invalid} data-testid="rule-seconds" {...form.register('responseRule.seconds', num)} />}
        </FormField>
      </div>
      <CheckField label={t('admin.editor.ruleAllDay')}>{({ id }) => <input id={id} type="checkbox" data-testid="rule-all-day" {...form.register('responseRule.allDay')} />}</CheckField>
      {!allDay && (
        <div className="rule-window" role="group" aria-label={t('admin.editor.ruleWindow')}>
          {(['start', 'end'] as const).map((end) => (
            <FormField key={end} label={t(end === 'start' ? 'admin.editor.ruleFrom' : 'admin.editor.ruleUntil')} error={errorAt(errors, `responseRule.${end}`)}>
              {({ id, describedBy, invalid }) => (
                <input id={id} className="input shift__time" inputMode="numeric" placeholder={end === 'start' ? '09:00' : '23:00'} maxLength={5} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`rule-${end}`} {...form.register(`responseRule.${end}`)} />
              )}
            </FormField>
          ))}
          <p className="admin-hint rule-window__hint">{t('admin.editor.ruleWindowHint')}</p>
        </div>
      )}
      <div className="rule-nudges" role="group" aria-labelledby={nudgesLabel}>
        <span className="form-field__label" id={nudgesLabel}>
          {t('admin.editor.ruleNudges')}
        </span>
        {nudges.fields.length === 0 && <span className="admin-muted">{t('admin.editor.noNudges')}</span>}
        <ol className="rule-nudges__list">
          {nudges.fields.map((field, n) => {
            const error = errorAt(errors, `responseRule.nudges.${n}.seconds`);
            return (
              <li key={field.id} className="rule-nudge">
                <input type="number" min={1} step={1} className="input rule-nudge__seconds" aria-label={t('admin.editor.ruleNudge', { n: n + 1 })} aria-invalid={!!error} data-testid={`rule-nudge-${n}`} {...form.register(`responseRule.nudges.${n}.seconds`, num)} />
                <button type="button" className="icon-button" aria-label={t('admin.editor.removeNudge', { n: n + 1 })} title={t('admin.editor.removeNudge', { n: n + 1 })} onClick={() => nudges.remove(n)}>
                  ×
                </button>
                {error?.message && (
                  <span className="form-field__error" role="alert">
                    {error.message}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        {nudges.fields.length < MAX_NUDGES && (
          <button type="button" className="link-button" onClick={add} data-testid="rule-nudge-add">
            {t('admin.editor.addNudge')}
          </button>
        )}
      </div>
      {listError?.message && !Array.isArray(listError) && (
        <p className="form-field__error" role="alert">
          {listError.message}
        </p>
      )}
      <p className="admin-hint">{t('admin.editor.ruleNudgesHint')}</p>
    </div>
  );
}

/** Periods in which the platform suspends its metric (春节): start and end dates, both included, and why. */
function ExemptionsEditor({ form }: { form: StoreFormApi }) {
  const { t } = useTranslation();
  const periods = useFieldArray({ control: form.control, name: 'responseExemptions' });
  const errors = form.formState.errors;
  const listError = errorAt(errors, 'responseExemptions');
  const add = () => {
    const today = new Date().toISOString().slice(0, 10);
    periods.append({ start: today, end: today, reason: '' });
  };
  return (
    <fieldset className="rule-exemptions" data-testid="rule-exemptions">
      <legend>{t('admin.editor.exemptions')}</legend>
      <p className="admin-hint">{t('admin.editor.exemptionsHint')}</p>
      {periods.fields.length === 0 && <p className="admin-muted">{t('admin.editor.noExemptions')}</p>}
      <ol className="holidays-list">
        {periods.fields.map((field, i) => (
          <ExemptionRow key={field.id} form={form} index={i} onRemove={() => periods.remove(i)} />
        ))}
      </ol>
      {listError?.message && !Array.isArray(listError) && (
        <p className="form-field__error" role="alert">
          {listError.message}
        </p>
      )}
      {periods.fields.length < MAX_RESPONSE_EXEMPTIONS && (
        <button type="button" className="button button--ghost" onClick={add} data-testid="exemption-add">
          {t('admin.editor.addExemption')}
        </button>
      )}
    </fieldset>
  );
}

function ExemptionRow({ form, index, onRemove }: { form: StoreFormApi; index: number; onRemove(): void }) {
  const { t } = useTranslation();
  const start = useWatch({ control: form.control, name: `responseExemptions.${index}.start` });
  const errors = form.formState.errors;
  const input = (key: 'start' | 'end' | 'reason') => {
    const error = errorAt(errors, `responseExemptions.${index}.${key}`);
    return (
      <span className={`exemption__${key}`}>
        <input
          type={key === 'reason' ? 'text' : 'date'}
          className="input"
          maxLength={key === 'reason' ? 200 : undefined}
          placeholder={key === 'reason' ? t('admin.editor.exemptionReasonPlaceholder') : undefined}
          aria-label={t(`admin.editor.exemption${key === 'start' ? 'Start' : key === 'end' ? 'End' : 'Reason'}`)}
          aria-invalid={!!error}
          data-testid={`exemption-${key}-${index}`}
          {...form.register(`responseExemptions.${index}.${key}`)}
        />
        {error?.message && (
          <span className="form-field__error" role="alert">
            {error.message}
          </span>
        )}
      </span>
    );
  };
  return (
    <li className="exemption" data-testid={`exemption-${index}`}>
      {input('start')}
      <span aria-hidden="true">–</span>
      {input('end')}
      {input('reason')}
      <button type="button" className="icon-button" aria-label={t('admin.editor.removeExemption', { start })} title={t('admin.editor.removeExemption', { start })} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
