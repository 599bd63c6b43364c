import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { parseMoney } from '../../../src/imports/values/numbers.js';

/** The number in a typed text, either decimal separator ("1.500,50", "1,500.50"); undefined when empty or unreadable. */
const read = (text: string) => parseMoney(text) ?? undefined;

/**
 * A number field that keeps the text as typed ("12.", "0,7") while it reports the number it reads, so a
 * decimal separator typed key by key is not lost between renders. Text it cannot read is marked invalid
 * and reported as undefined, like an empty field.
 */
export function AmountInput({ value, onValue, ...rest }: { value: number | undefined; onValue: (n: number | undefined) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // A value set from outside (a product picked) replaces the text; the echo of what was typed does not.
  useEffect(() => {
    setText((current) => ((read(current) ?? 0) === (value ?? 0) ? current : value === undefined ? '' : String(value)));
  }, [value]);
  const unreadable = text.trim() !== '' && read(text) === undefined;
  return (
    <input
      inputMode="decimal"
      aria-invalid={unreadable || rest['aria-invalid']}
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValue(read(e.target.value));
      }}
    />
  );
}
