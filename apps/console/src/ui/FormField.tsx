import { useId, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { Icon } from './icons';

/** What a field's control needs to be labelled and to point at its error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
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

/** One labelled form field with its hint and, beside it, what is wrong with it. */
export function FormField({ label, error, hint, className = 'field', testId, children }: Props) {
  const id = useId();
  const message = typeof error === 'string' ? error : error?.message;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [message ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`${className} form-field${message ? ' has-error' : ''}`} data-testid={testId}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy })}
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
