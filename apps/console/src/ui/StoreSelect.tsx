import type { ReactNode } from 'react';
import type { Store } from '@kefu/contracts';

interface Props {
  stores: Store[];
  value: string;
  onChange(storeId: string): void;
  /** The empty value's option: all stores, or global articles. */
  allLabel: string;
  /** The accessible name, when no `<label>` wraps the select. */
  label?: string;
  testId?: string;
  id?: string;
  disabled?: boolean;
  /** Options between the empty one and the stores (e.g. "global only"). */
  children?: ReactNode;
}

/** A store choice: the empty value (`allLabel`), any `children` options, then the caller's stores. */
export function StoreSelect({ stores, value, onChange, allLabel, label, testId, id, disabled, children }: Props) {
  return (
    <select id={id} className="select" data-testid={testId} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allLabel}</option>
      {children}
      {stores.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
