import { useId, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';

interface Props {
  label: ReactNode;
  /** The field's error (already in words: see form-errors.ts), shown beside it and announced. */
  error?: Pick<FieldError, 'message'> | undefined;
  hint?: ReactNode;
  className?: string;
  /** The control, given the ids to wire: `id` for the label, `describedBy` for its hint and error. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  testId?: string;
}

/** A labelled form control with its hint and its error beside it (the console's one way of showing a field). */
export function FormField({ label, error, hint, className, children, testId }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error?.message ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${error?.message ? ' form-field--invalid' : ''}${className ? ` ${className}` : ''}`} data-testid={testId}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="form-field__control">
        {children({ id, describedBy, invalid: !!error?.message })}
        {error?.message && (
          <span className="form-field__error" id={errorId} role="alert">
            {error.message}
          </span>
        )}
      </div>
      {hint && (
        <span className="form-field__hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** A checkbox with its label (and error), for yes/no settings. */
export function CheckField({ label, error, children }: { label: ReactNode; error?: Pick<FieldError, 'message'>; children: (ids: { id: string }) => ReactNode }) {
  const id = useId();
  return (
    <div className={`form-field form-field--check${error?.message ? ' form-field--invalid' : ''}`}>
      {children({ id })}
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {error?.message && (
        <span className="form-field__error" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
