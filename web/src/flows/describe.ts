/** Flows in words, for lists and the editor. */
import type { FlowStep, FlowTrigger } from './types';

export function describeTrigger(t: FlowTrigger): string {
  if (t.type === 'manual') return 'Customers you enrol';
  if (t.type === 'date') return `${t.field}${t.offset_days ? ` ${t.offset_days > 0 ? '+' : '−'} ${Math.abs(t.offset_days)} days` : ''}${t.yearly ? ', every year' : ''}`;
  const m = t.match ?? {};
  if (t.event === 'customer.score_crossed' && m.score) return `${String(m.score).replace('_', ' ')} ${m.direction === 'down' ? 'falls to' : 'rises above'} ${m.threshold}`;
  return `${t.event}${
    Object.keys(m).length
      ? ` (${Object.entries(m)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')})`
      : ''
  }`;
}

export const stepLabels: Record<FlowStep['kind'], string> = {
  wait: 'Wait',
  condition: 'Condition',
  send_email: 'Send email',
  send_sms: 'Send SMS',
  create_task: 'Create task',
  add_tag: 'Add tag',
  remove_tag: 'Remove tag',
  update_field: 'Update field',
  webhook: 'Call webhook',
  exit: 'Exit',
};

export function describeStep(s: FlowStep): string {
  switch (s.kind) {
    case 'wait':
      return `Wait ${[s.days && `${s.days} d`, s.hours && `${s.hours} h`, s.minutes && `${s.minutes} min`].filter(Boolean).join(' ')}${s.until_time ? ` until ${s.until_time}` : ''}`;
    case 'condition':
      return `If ${'filter' in s.if ? JSON.stringify(s.if.filter) : `${s.if.activity} since entering`}: ${s.then ?? 'next'}, else ${s.else ?? 'exit'}`;
    case 'send_email':
      return `Email “${s.subject}”`;
    case 'send_sms':
      return `SMS “${s.body.slice(0, 40)}”`;
    case 'create_task':
      return `Task “${s.title}”`;
    case 'add_tag':
      return `Add tag ${s.tag}`;
    case 'remove_tag':
      return `Remove tag ${s.tag}`;
    case 'update_field':
      return `Set ${s.field} to ${JSON.stringify(s.value)}`;
    case 'webhook':
      return `Call ${s.url}`;
    case 'exit':
      return 'Leave the flow';
  }
}

export const statusTone = (status: string) => (status === 'active' ? 'success' : status === 'paused' ? 'warning' : 'neutral');

/** A new step of a kind, with an id not used yet. */
export function newStep(kind: FlowStep['kind'], taken: string[]): FlowStep {
  let n = 1;
  while (taken.includes(`${kind.replace('_', '-')}-${n}`)) n++;
  const id = `${kind.replace('_', '-')}-${n}`;
  switch (kind) {
    case 'wait':
      return { id, kind, days: 1 };
    case 'condition':
      return { id, kind, if: { activity: 'opened' }, then: 'next', else: 'exit' };
    case 'send_email':
      return { id, kind, subject: '', body: '' };
    case 'send_sms':
      return { id, kind, body: '' };
    case 'create_task':
      return { id, kind, title: '', due_in_days: 0 };
    case 'add_tag':
    case 'remove_tag':
      return { id, kind, tag: '' };
    case 'update_field':
      return { id, kind, field: '', value: '' };
    case 'webhook':
      return { id, kind, url: '' };
    case 'exit':
      return { id, kind };
  }
}
