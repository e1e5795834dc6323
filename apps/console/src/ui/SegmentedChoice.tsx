/** A row of toggle buttons of which one is on (a card's "by store / agent / day"). */
export function SegmentedChoice<K extends string>({ label, options, value, onChange, disabled, testId }: {
  label: string;
  options: readonly { key: K; label: string }[];
  value: K;
  onChange(key: K): void;
  /** Options that cannot be chosen now (e.g. "by store" with one store chosen). */
  disabled?: (key: K) => boolean;
  /** Each button's test id: `${testId}-${key}`. */
  testId: string;
}) {
  return (
    <div className="seg" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.key}
          type="button"
          className={`seg__option${value === o.key ? ' is-active' : ''}`}
          aria-pressed={value === o.key}
          disabled={disabled?.(o.key)}
          onClick={() => onChange(o.key)}
          data-testid={`${testId}-${o.key}`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
