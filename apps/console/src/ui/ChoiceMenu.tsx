import { useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

/** What a screen's key may do with the menu: focus its button with the list open (S for the status). */
export interface ChoiceMenuHandle {
  open(): void;
}

interface Props<T extends string> {
  value: T;
  options: readonly T[];
  label: string;
  render(option: T): ReactNode;
  onChoose(option: T): void;
  disabled?: boolean;
  className?: string;
  testId?: string;
  menuRef?: Ref<ChoiceMenuHandle>;
}

/**
 * A button that opens a short list of choices: ↓/↑ move through it without changing anything, Enter (or a click) commits,
 * Esc closes it; the focus is back on the button afterwards. Unlike a native select, an arrow key never saves a choice.
 */
export function ChoiceMenu<T extends string>({ value, options, label, render, onChoose, disabled = false, className = '', testId, menuRef }: Props<T>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);

  const show = () => {
    setActive(Math.max(0, options.indexOf(value)));
    setOpen(true);
  };
  useImperativeHandle(menuRef, () => ({
    open: () => {
      if (disabled) return;
      button.current?.focus();
      show();
    },
  }));
  const hide = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (option: T) => {
    hide();
    if (option !== value) onChoose(option);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        show();
      }
      return;
    }
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (e.key in moves) setActive((i) => Math.min(options.length - 1, Math.max(0, i + moves[e.key])));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(options.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') choose(options[active]);
    else if (e.key === 'Escape') hide();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };

  return (
    <span className={`choice-menu ${className}`}>
      <button
        ref={button}
        type="button"
        className="choice-menu__button"
        data-testid={testId}
        data-value={value}
        aria-label={label}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        aria-activedescendant={open ? `${id}-${active}` : undefined}
        disabled={disabled}
        onClick={() => (open ? hide() : show())}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      >
        {render(value)}
        <span className="choice-menu__caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul className="choice-menu__list" role="listbox" id={`${id}-list`} aria-label={label}>
          {options.map((option, i) => (
            <li
              key={option}
              id={`${id}-${i}`}
              role="option"
              aria-selected={option === value}
              className={`choice-menu__option${i === active ? ' is-active' : ''}${option === value ? ' is-current' : ''}`}
              data-testid={testId ? `${testId}-${option}` : undefined}
              // Chosen on mousedown: the button's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              {render(option)}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
