import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** Labels the dialog (id of its title). */
  labelledBy: string;
  describedBy?: string;
  className?: string;
  testId?: string;
  /** Esc, or a click on the backdrop. */
  onCancel(): void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the browser traps the focus, makes the rest inert and
 * answers Esc. Mounted = open; `data-autofocus` marks the control focused first, and the element
 * that had the focus gets it back when it closes.
 */
export function Modal({ labelledBy, describedBy, className, testId, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      previous?.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onMouseDown={(e) => {
        // A press on the backdrop (the dialog element itself, outside its box) cancels.
        if (e.target !== e.currentTarget) return;
        const r = e.currentTarget.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
