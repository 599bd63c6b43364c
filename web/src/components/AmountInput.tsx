import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { parseMoney } from '../../../src/imports/values/numbers.js';

/**
 * A number field that keeps the text as typed ("12.", "1,5") while it reports the number it reads, so a
 * decimal separator typed key by key is not lost between renders. Either separator is read
 * ("1.500,50", "1,500.50"); text it cannot read is marked invalid and counts as 0.
 */
export function AmountInput({ value, onValue, ...rest }: { value: number; onValue: (n: number) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(String(value));
  // A value set from outside (a product picked) replaces the text; the echo of what was typed does not.
  useEffect(() => {
    setText((current) => ((parseMoney(current) ?? 0) === value ? current : String(value)));
  }, [value]);
  const unreadable = text.trim() !== '' && parseMoney(text) === null;
  return (
    <input
      inputMode="decimal"
      aria-invalid={unreadable || rest['aria-invalid']}
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValue(parseMoney(e.target.value) ?? 0);
      }}
    />
  );
}
