import { useState, type FormEvent } from 'react';
import { Button, FormError } from '../components/ui';
import { ApiError, type SlaSettings } from '../lib/api';
import { SettingsField, fieldErrorOf } from './SettingsField';

type Day = keyof SlaSettings['hours'];
type Priority = keyof SlaSettings['targets'];
type Kind = keyof SlaSettings['kind_targets'];
type TargetDraft = { first: string; resolution: string };

const days: [Day, string][] = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];
const priorities: Priority[] = ['urgent', 'high', 'normal', 'low'];
const kinds: Kind[] = ['complaint', 'problem', 'question', 'request'];

const hoursText = (windows: [string, string][]) => windows.map(([from, to]) => `${from}-${to}`).join(', ');
/** "09:00-12:00, 13:00-17:00" into windows; null when a part is not a window. Empty: closed. */
export function parseHours(text: string): [string, string][] | null {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const windows: [string, string][] = [];
  for (const part of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!m) return null;
    windows.push([m[1].padStart(5, '0'), m[2].padStart(5, '0')]);
  }
  return windows;
}
const draftOf = (t?: { first_response_minutes: number; resolution_minutes: number }): TargetDraft => ({
  first: t ? String(t.first_response_minutes) : '',
  resolution: t ? String(t.resolution_minutes) : '',
});
const targetOf = (d: TargetDraft) => ({ first_response_minutes: Number(d.first), resolution_minutes: Number(d.resolution) });

/**
 * Service levels: open hours per weekday, holidays, first-response and resolution targets (business
 * minutes) per priority and, where shorter, per kind; the follow-up window and the priority rule for
 * at-risk, high-value customers. Saves the whole settings at once.
 */
export function SlaSettingsForm({ settings, onSubmit }: { settings: SlaSettings; onSubmit: (settings: SlaSettings) => Promise<void> }) {
  const [hours, setHours] = useState<Record<Day, string>>(() => Object.fromEntries(days.map(([d]) => [d, hoursText(settings.hours[d])])) as Record<Day, string>);
  const [holidays, setHolidays] = useState(settings.holidays.join('\n'));
  const [targets, setTargets] = useState<Record<Priority, TargetDraft>>(() => Object.fromEntries(priorities.map((p) => [p, draftOf(settings.targets[p])])) as Record<Priority, TargetDraft>);
  const [kindTargets, setKindTargets] = useState<Record<Kind, TargetDraft>>(() => Object.fromEntries(kinds.map((k) => [k, draftOf(settings.kind_targets[k])])) as Record<Kind, TargetDraft>);
  const [followUp, setFollowUp] = useState(String(settings.follow_up_days));
  const [raise, setRaise] = useState(settings.raise_priority.enabled);
  const [minClv, setMinClv] = useState(String(settings.raise_priority.min_clv));
  const [minRisk, setMinRisk] = useState(String(settings.raise_priority.min_churn_risk));
  const [raiseTo, setRaiseTo] = useState<Priority>(settings.raise_priority.to);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = (name: string) => fieldErrorOf(error, name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // Mistakes the form can name itself are shown next to their fields without asking the server.
    const local: Record<string, string[]> = {};
    const parsedHours = Object.fromEntries(days.map(([d]) => [d, parseHours(hours[d])])) as Record<Day, [string, string][] | null>;
    for (const [d] of days) if (!parsedHours[d]) local[`hours.${d}`] = ['write windows as 09:00-17:00, separated by commas (empty: closed)'];
    for (const k of kinds) if (!kindTargets[k].first !== !kindTargets[k].resolution) local[`kind_targets.${k}`] = ['set both targets, or neither'];
    if (Object.keys(local).length) {
      setError(new ApiError(400, 'invalid', 'Some settings need a correction.', local));
      return;
    }
    setBusy(true);
    try {
      await onSubmit({
        hours: parsedHours as SlaSettings['hours'],
        holidays: holidays
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        targets: Object.fromEntries(priorities.map((p) => [p, targetOf(targets[p])])) as SlaSettings['targets'],
        kind_targets: Object.fromEntries(kinds.filter((k) => kindTargets[k].first).map((k) => [k, targetOf(kindTargets[k])])),
        follow_up_days: Number(followUp),
        raise_priority: { enabled: raise, min_clv: Number(minClv), min_churn_risk: Number(minRisk), to: raiseTo },
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const targetInputs = (prefix: string, label: string, draft: TargetDraft, set: (d: TargetDraft) => void, required: boolean) => (
    <tr key={prefix}>
      <th scope="row">{label}</th>
      <td>
        <input
          type="number"
          min={1}
          aria-label={`First response, ${label}`}
          value={draft.first}
          onChange={(e) => set({ ...draft, first: e.target.value })}
          required={required}
          aria-invalid={!!fe(`${prefix}.first_response_minutes`) || !!(prefix.startsWith('kind') && fe(prefix))}
        />
      </td>
      <td>
        <input
          type="number"
          min={1}
          aria-label={`Resolution, ${label}`}
          value={draft.resolution}
          onChange={(e) => set({ ...draft, resolution: e.target.value })}
          required={required}
          aria-invalid={!!fe(`${prefix}.resolution_minutes`) || !!(prefix.startsWith('kind') && fe(prefix))}
        />
      </td>
      <td>
        {fe(prefix) && (
          <span className="field-error" role="alert">
            {fe(prefix)}
          </span>
        )}
      </td>
    </tr>
  );

  return (
    <form onSubmit={submit} className="form-grid sla-form" aria-label="Service levels">
      <fieldset className="form-section field-longtext">
        <legend>Business hours (in the business time zone)</legend>
        {days.map(([d, label]) => (
          <SettingsField key={d} id={`sla-hours-${d}`} label={label} hint={d === 'mon' ? 'e.g. 09:00-12:00, 13:00-17:00; empty: closed' : undefined} error={fe(`hours.${d}`)}>
            {(a) => <input {...a} value={hours[d]} onChange={(e) => setHours({ ...hours, [d]: e.target.value })} placeholder="closed" />}
          </SettingsField>
        ))}
      </fieldset>
      <SettingsField id="sla-holidays" label="Holidays (closed all day)" hint="One date a line, as YYYY-MM-DD" error={fe('holidays')} className="field-longtext">
        {(a) => <textarea {...a} rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} />}
      </SettingsField>
      <fieldset className="form-section field-longtext">
        <legend>Targets in business minutes</legend>
        <table className="table sla-targets">
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">First response</th>
              <th scope="col">Resolution</th>
              <th scope="col">
                <span className="sr-only">Errors</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {priorities.map((p) => targetInputs(`targets.${p}`, `${p} priority`, targets[p], (d) => setTargets({ ...targets, [p]: d }), true))}
            {kinds.map((k) => targetInputs(`kind_targets.${k}`, `a ${k} (if shorter; optional)`, kindTargets[k], (d) => setKindTargets({ ...kindTargets, [k]: d }), false))}
          </tbody>
        </table>
      </fieldset>
      <SettingsField id="sla-follow-up" label="Follow-up window (days)" hint="A reply this soon after closing reopens the ticket; later it opens a new one linked to it" error={fe('follow_up_days')}>
        {(a) => <input {...a} type="number" min={0} max={3650} value={followUp} onChange={(e) => setFollowUp(e.target.value)} required />}
      </SettingsField>
      <fieldset className="form-section field-longtext">
        <legend>At-risk, high-value customers</legend>
        <div className="field">
          <label>
            <input type="checkbox" checked={raise} onChange={(e) => setRaise(e.target.checked)} /> Raise the priority of their new tickets
          </label>
        </div>
        <SettingsField id="sla-min-clv" label="From a customer lifetime value of" error={fe('raise_priority.min_clv')}>
          {(a) => <input {...a} type="number" min={0} step="any" value={minClv} onChange={(e) => setMinClv(e.target.value)} required />}
        </SettingsField>
        <SettingsField id="sla-min-risk" label="And a churn risk of at least (0 to 1)" error={fe('raise_priority.min_churn_risk')}>
          {(a) => <input {...a} type="number" min={0} max={1} step="0.05" value={minRisk} onChange={(e) => setMinRisk(e.target.value)} required />}
        </SettingsField>
        <SettingsField id="sla-raise-to" label="To priority" error={fe('raise_priority.to')}>
          {(a) => (
            <select {...a} value={raiseTo} onChange={(e) => setRaiseTo(e.target.value as Priority)}>
              {priorities.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </SettingsField>
      </fieldset>
      <div className="form-actions">
        <FormError error={error} />
        <Button type="submit" variant="primary" busy={busy}>
          Save service levels
        </Button>
      </div>
    </form>
  );
}
