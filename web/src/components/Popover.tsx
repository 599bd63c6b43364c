import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** A button that opens a small panel; Escape or a click outside closes it and focus returns. */
export function Popover({
  label,
  ariaLabel,
  icon,
  buttonClass,
  align = 'start',
  onOpen,
  children,
}: {
  label: string;
  ariaLabel?: string;
  icon?: IconName;
  buttonClass?: string;
  align?: 'start' | 'end';
  onOpen?: () => void;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    };
    document.addEventListener('mousedown', onDown);
    root.current?.addEventListener('keydown', onKey);
    const el = root.current;
    const first = el?.querySelector<HTMLElement>('.popover-panel input, .popover-panel select, .popover-panel button');
    first?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      el?.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="popover" ref={root}>
      <button
        ref={button}
        type="button"
        className={buttonClass}
        aria-expanded={open}
        aria-label={ariaLabel}
        aria-controls={open ? id : undefined}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen((o) => !o);
        }}
      >
        {icon && <Icon name={icon} size={14} />}
        {label}
      </button>
      {open && (
        <div id={id} className={`popover-panel popover-${align}`} role="group" aria-label={ariaLabel ?? label}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
