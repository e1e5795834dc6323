import { useId, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { Icon } from './icons';

/** What a field's control needs to be labelled and to point at its hint and error (spread the aria ones, or wire them by hand). */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  describedBy: string | undefined;
  invalid: boolean;
}

interface Props {
  label: ReactNode;
  /** The field's error (react-hook-form's, already worded in the reader's language by the form's resolver). */
  error?: Pick<FieldError, 'message'> | string | null;
  hint?: ReactNode;
  /** The element's classes (each screen's field styles); the error and hint keep theirs. */
  className?: string;
  testId?: string;
  children(control: FieldControlProps): ReactNode;
}

/** One labelled form field with its hint and, beside it, what is wrong with it (the console's one way of showing a field). */
export function FormField({ label, error, hint, className = 'field', testId, children }: Props) {
  const id = useId();
  const message = typeof error === 'string' ? error : error?.message;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [message ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`${className} form-field${message ? ' has-error form-field--invalid' : ''}`} data-testid={testId}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy, describedBy, invalid: !!message })}
      {hint && (
        <small className="form-field__hint" id={hintId}>
          {hint}
        </small>
      )}
      {message && (
        <span className="form-field__error" id={errorId} role="alert" data-testid="field-error">
          <Icon name="alert" size={12} />
          {message}
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
