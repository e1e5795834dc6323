import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '../keyboard/shortcuts';
import { Icon } from '../ui/icons';
import { monthLabel, shiftMonth } from './statement-format';

const MONTHS_TO_CHOOSE = 24;

/** The statement's month: previous / a choice of the last two years / next (never past this month); [ and ] step. */
export function MonthStep({ month, thisMonth, onChange }: { month: string; thisMonth: string; onChange(month: string): void }) {
  const { t, i18n } = useTranslation();
  const atLatest = month >= thisMonth;
  // The last two years to choose from (and the month in the address, if older).
  const months = useMemo(() => {
    const recent = Array.from({ length: MONTHS_TO_CHOOSE }, (_, i) => shiftMonth(thisMonth, -i));
    return recent.includes(month) ? recent : [...recent, month];
  }, [thisMonth, month]);
  useShortcuts({ '[': () => onChange(shiftMonth(month, -1)), ']': () => !atLatest && onChange(shiftMonth(month, 1)) });
  return (
    <div className="month-step" role="group" aria-label={t('billing.statement.month')}>
      <button type="button" className="icon-button icon-button--bordered" onClick={() => onChange(shiftMonth(month, -1))} aria-label={t('billing.statement.previous')} title={`${t('billing.statement.previous')} ([)`} data-testid="statement-previous">
        <Icon name="arrowLeft" size={15} />
      </button>
      <select className="select month-step__select" value={month} aria-label={t('billing.statement.month')} onChange={(e) => onChange(e.target.value)} data-testid="statement-month-select">
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m, i18n.language)}
          </option>
        ))}
      </select>
      <button type="button" className="icon-button icon-button--bordered" disabled={atLatest} onClick={() => onChange(shiftMonth(month, 1))} aria-label={t('billing.statement.next')} title={`${t('billing.statement.next')} (])`} data-testid="statement-next">
        <Icon name="arrowRight" size={15} />
      </button>
    </div>
  );
}

/** Prints the page (the print styles leave the statements alone on A4). */
export function PrintButton({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--primary" disabled={disabled} onClick={() => window.print()} data-testid="statement-print">
      <Icon name="printer" size={14} />
      {t('billing.statement.print')}
    </button>
  );
}
