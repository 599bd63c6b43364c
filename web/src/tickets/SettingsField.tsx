import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';

/** The API's message for a field (or any field under it, e.g. `hours.mon.0`), for showing next to the input. */
export function fieldErrorOf(error: unknown, name: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = Object.entries(error.fields)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, v]) => v);
  return messages.length ? [...new Set(messages)].join('; ') : undefined;
}

/**
 * A labelled input with its hint and the API's refusal under it. The child is the control; it gets its
 * id, aria-invalid and aria-describedby from here by the render prop.
 */
export function SettingsField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
