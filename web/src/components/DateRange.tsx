import { useState } from 'react';
import { Popover } from './Popover';
import { Button } from './ui';

export interface DateRangeValue {
  /** A preset id, or 'custom' with explicit dates. */
  preset: string;
  from?: string;
  to?: string;
}

export interface ResolvedRange {
  from: string;
  to: string;
  bucket: 'day' | 'week' | 'month';
  label: string;
}

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const rangePresets: { id: string; label: string; resolve: (today: Date) => { from: Date; to: Date } }[] = [
  { id: '30d', label: 'Last 30 days', resolve: (t) => ({ from: new Date(t.getFullYear(), t.getMonth(), t.getDate() - 29), to: t }) },
  { id: '90d', label: 'Last 90 days', resolve: (t) => ({ from: new Date(t.getFullYear(), t.getMonth(), t.getDate() - 89), to: t }) },
  { id: '12m', label: 'Last 12 months', resolve: (t) => ({ from: new Date(t.getFullYear(), t.getMonth() - 11, 1), to: t }) },
  { id: 'ytd', label: 'This year', resolve: (t) => ({ from: new Date(t.getFullYear(), 0, 1), to: t }) },
  { id: 'last-year', label: 'Last year', resolve: (t) => ({ from: new Date(t.getFullYear() - 1, 0, 1), to: new Date(t.getFullYear() - 1, 11, 31) }) },
  { id: '3y', label: 'Last 3 years', resolve: (t) => ({ from: new Date(t.getFullYear() - 3, t.getMonth() + 1, 1), to: t }) },
];

/** Days, weeks or months so that a chart shows a readable number of bars. */
function bucketFor(from: string, to: string): ResolvedRange['bucket'] {
  const days = (Date.parse(to) - Date.parse(from)) / 864e5 + 1;
  return days <= 45 ? 'day' : days <= 190 ? 'week' : 'month';
}

const labelFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

export function resolveRange(v: DateRangeValue, today = new Date()): ResolvedRange {
  if (v.preset === 'custom' && v.from && v.to && v.from <= v.to) {
    return { from: v.from, to: v.to, bucket: bucketFor(v.from, v.to), label: `${labelFmt.format(new Date(`${v.from}T00:00:00`))} – ${labelFmt.format(new Date(`${v.to}T00:00:00`))}` };
  }
  const p = rangePresets.find((x) => x.id === v.preset) ?? rangePresets[2];
  const r = p.resolve(today);
  const from = iso(r.from);
  const to = iso(r.to);
  return { from, to, bucket: bucketFor(from, to), label: p.label };
}

/** A button showing the chosen period; its panel offers presets and a custom from/to. */
export function DateRangePicker({ value, onChange }: { value: DateRangeValue; onChange: (v: DateRangeValue) => void }) {
  const resolved = resolveRange(value);
  const [from, setFrom] = useState(resolved.from);
  const [to, setTo] = useState(resolved.to);
  const [error, setError] = useState('');
  return (
    <Popover
      label={resolved.label}
      ariaLabel={`Date range: ${resolved.label}`}
      icon="calendar"
      buttonClass="btn btn-secondary btn-md"
      align="end"
      onOpen={() => {
        setFrom(resolved.from);
        setTo(resolved.to);
        setError('');
      }}
    >
      {(close) => (
        <div className="range-panel">
          <div className="range-presets" role="group" aria-label="Periods">
            {rangePresets.map((p) => (
              <button
                key={p.id}
                type="button"
                className={`range-preset${value.preset === p.id ? ' on' : ''}`}
                aria-pressed={value.preset === p.id}
                onClick={() => {
                  onChange({ preset: p.id });
                  close();
                }}
              >
                {p.label}
              </button>
            ))}
          </div>
          <form
            className="range-custom"
            onSubmit={(e) => {
              e.preventDefault();
              if (!from || !to) return setError('Choose both dates');
              if (from > to) return setError('The start must come before the end');
              onChange({ preset: 'custom', from, to });
              close();
            }}
          >
            <div className="field">
              <label htmlFor="range-from">From</label>
              <input id="range-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="range-to">To</label>
              <input id="range-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
            </div>
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
            <Button type="submit" size="sm" variant="primary">
              Apply
            </Button>
          </form>
        </div>
      )}
    </Popover>
  );
}
