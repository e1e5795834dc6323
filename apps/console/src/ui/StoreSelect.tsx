import type { Store } from '@kefu/contracts';

interface Props {
  stores: Store[];
  value: string;
  onChange(storeId: string): void;
  label: string;
  allLabel: string;
  testId: string;
}

/** A store filter: "all stores" (empty value) or one of the caller's stores. */
export function StoreSelect({ stores, value, onChange, label, allLabel, testId }: Props) {
  return (
    <select className="select" data-testid={testId} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allLabel}</option>
      {stores.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
