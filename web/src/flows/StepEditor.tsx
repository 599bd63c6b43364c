import type { ReactNode } from 'react';
import { Button } from '../components/ui';
import { stepLabels } from './describe';
import type { FlowStep } from './types';

type Patch = (changes: Record<string, unknown>) => void;

function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** The form of one step: its kind's settings, and the buttons that move or remove it. */
export function StepEditor({
  step,
  index,
  count,
  later,
  errors,
  counts,
  onChange,
  onMove,
  onRemove,
}: {
  step: FlowStep;
  index: number;
  count: number;
  /** Ids of the steps after this one (branch targets). */
  later: string[];
  /** Field errors of this step, keyed by the rest of the path ("subject", "if.filter", ""). */
  errors: Record<string, string>;
  counts?: { outcomes: Record<string, number>; waiting: number; sms?: { delivered: number; failed: number; stop_replies: number } };
  onChange: (step: FlowStep) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = (name: string) => `step-${step.id}-${name}`;
  const patch: Patch = (changes) => onChange({ ...step, ...changes } as FlowStep);
  const title = `${index + 1}. ${stepLabels[step.kind]}`;
  let body: ReactNode = null;
  switch (step.kind) {
    case 'wait':
      body = (
        <div className="flow-step-row">
          <Field id={id('days')} label="Days" error={errors.days}>
            <input id={id('days')} className="input-narrow" type="number" min={0} value={step.days ?? ''} onChange={(e) => patch({ days: num(e.target.value) })} />
          </Field>
          <Field id={id('hours')} label="Hours" error={errors.hours}>
            <input id={id('hours')} className="input-narrow" type="number" min={0} value={step.hours ?? ''} onChange={(e) => patch({ hours: num(e.target.value) })} />
          </Field>
          <Field id={id('until')} label="Then until (time of day)" error={errors.until_time}>
            <input id={id('until')} type="time" value={step.until_time ?? ''} onChange={(e) => patch({ until_time: e.target.value || undefined })} />
          </Field>
        </div>
      );
      break;
    case 'condition': {
      const isFilter = 'filter' in step.if;
      const filter = (isFilter ? (step.if as { filter: { field?: string; op?: string; value?: unknown } }).filter : {}) as { field?: string; op?: string; value?: unknown };
      const target = (name: 'then' | 'else', label: string) => (
        <Field id={id(name)} label={label} error={errors[name]}>
          <select id={id(name)} value={step[name] ?? (name === 'then' ? 'next' : 'exit')} onChange={(e) => patch({ [name]: e.target.value })}>
            <option value="next">Go on with the next step</option>
            <option value="exit">Leave the flow</option>
            {later.map((s) => (
              <option key={s} value={s}>
                Jump to {s}
              </option>
            ))}
          </select>
        </Field>
      );
      body = (
        <>
          <div className="flow-step-row">
            <Field id={id('test')} label="Check">
              <select
                id={id('test')}
                value={isFilter ? 'field' : (step.if as { activity: string }).activity}
                onChange={(e) => patch({ if: e.target.value === 'field' ? { filter: { field: 'churn_risk', op: 'gt', value: 0.7 } } : { activity: e.target.value } })}
              >
                <option value="field">A field or score</option>
                <option value="opened">Opened an email of this flow</option>
                <option value="clicked">Clicked in an email of this flow</option>
                <option value="purchased">Ordered since entering</option>
              </select>
            </Field>
            {isFilter && (
              <>
                <Field id={id('field')} label="Field" error={errors['if.filter']}>
                  <input id={id('field')} value={filter.field ?? ''} onChange={(e) => patch({ if: { filter: { ...filter, field: e.target.value } } })} />
                </Field>
                <Field id={id('op')} label="Is">
                  <select id={id('op')} value={filter.op ?? 'eq'} onChange={(e) => patch({ if: { filter: { ...filter, op: e.target.value } } })}>
                    {[
                      ['eq', '='],
                      ['ne', '≠'],
                      ['gt', '>'],
                      ['gte', '≥'],
                      ['lt', '<'],
                      ['lte', '≤'],
                      ['contains', 'contains'],
                    ].map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={id('value')} label="Value">
                  <input
                    id={id('value')}
                    value={filter.value === undefined || filter.value === null ? '' : String(filter.value)}
                    onChange={(e) => {
                      const v = e.target.value;
                      patch({ if: { filter: { ...filter, value: v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v } } });
                    }}
                  />
                </Field>
              </>
            )}
          </div>
          <div className="flow-step-row">
            {target('then', 'If yes')}
            {target('else', 'If no')}
          </div>
        </>
      );
      break;
    }
    case 'send_email':
      body = (
        <>
          <Field id={id('subject')} label="Subject" error={errors.subject} hint="Liquid merge fields: {{ customer.first_name }}, {{ offer.name }}, {{ discount_code }}">
            <input id={id('subject')} value={step.subject} onChange={(e) => patch({ subject: e.target.value })} />
          </Field>
          <Field id={id('body')} label="Text" error={errors.body}>
            <textarea id={id('body')} rows={5} value={step.body} onChange={(e) => patch({ body: e.target.value })} />
          </Field>
        </>
      );
      break;
    case 'send_sms':
      body = (
        <Field id={id('body')} label="Text" error={errors.body}>
          <textarea id={id('body')} rows={3} value={step.body} onChange={(e) => patch({ body: e.target.value })} />
        </Field>
      );
      break;
    case 'create_task':
      body = (
        <div className="flow-step-row">
          <Field id={id('title')} label="Task title" error={errors.title}>
            <input id={id('title')} value={step.title} onChange={(e) => patch({ title: e.target.value })} />
          </Field>
          <Field id={id('due')} label="Due in days" error={errors.due_in_days}>
            <input id={id('due')} className="input-narrow" type="number" min={0} value={step.due_in_days} onChange={(e) => patch({ due_in_days: num(e.target.value) ?? 0 })} />
          </Field>
        </div>
      );
      break;
    case 'add_tag':
    case 'remove_tag':
      body = (
        <Field id={id('tag')} label="Tag" error={errors.tag}>
          <input id={id('tag')} value={step.tag} onChange={(e) => patch({ tag: e.target.value })} />
        </Field>
      );
      break;
    case 'update_field':
      body = (
        <div className="flow-step-row">
          <Field id={id('field')} label="Field" error={errors.field}>
            <input id={id('field')} value={step.field} onChange={(e) => patch({ field: e.target.value })} />
          </Field>
          <Field id={id('value')} label="New value" error={errors.value}>
            <input id={id('value')} value={step.value === null ? '' : String(step.value)} onChange={(e) => patch({ value: e.target.value === '' ? null : e.target.value })} />
          </Field>
        </div>
      );
      break;
    case 'webhook':
      body = (
        <Field id={id('url')} label="URL" error={errors.url} hint="Signed with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).">
          <input id={id('url')} type="url" value={step.url} onChange={(e) => patch({ url: e.target.value })} />
        </Field>
      );
      break;
    case 'exit':
      body = <p className="muted">The customer leaves the flow here.</p>;
      break;
  }
  const outcomes = counts ? Object.entries(counts.outcomes) : [];
  return (
    <li className="flow-step" aria-label={title}>
      <div className="flow-step-head">
        <span className="step-num">{index + 1}</span>
        <strong>{stepLabels[step.kind]}</strong>
        <span className="muted small">{step.id}</span>
        {counts && (
          <span className="flow-step-counts small" aria-label={`Counts of step ${index + 1}`}>
            {outcomes.length === 0 && counts.waiting === 0
              ? 'not run yet'
              : [
                  ...outcomes.map(([k, v]) => `${v} ${k}`),
                  ...(counts.waiting ? [`${counts.waiting} waiting`] : []),
                  ...(counts.sms ? [`texts: ${counts.sms.delivered} delivered, ${counts.sms.failed} failed, ${counts.sms.stop_replies} STOP`] : []),
                ].join(' · ')}
          </span>
        )}
        <span className="flow-step-actions">
          <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move step ${index + 1} up`}>
            ↑
          </Button>
          <Button size="sm" variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move step ${index + 1} down`}>
            ↓
          </Button>
          <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove step ${index + 1}`}>
            Remove
          </Button>
        </span>
      </div>
      {errors[''] && (
        <p className="field-error" role="alert">
          {errors['']}
        </p>
      )}
      {body}
    </li>
  );
}
