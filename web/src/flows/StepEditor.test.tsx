// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newStep } from './describe';
import { StepEditor } from './StepEditor';
import type { FlowStep } from './types';

afterEach(cleanup);

const noop = () => {};

describe('StepEditor', () => {
  it('edits a condition: a score test sends a customer filter, branches offer only later steps', () => {
    const onChange = vi.fn<(s: FlowStep) => void>();
    const step: FlowStep = { id: 'check', kind: 'condition', if: { activity: 'opened' }, then: 'next', else: 'exit' };
    render(<StepEditor step={step} index={1} count={4} later={['mail-2', 'exit-1']} errors={{}} onChange={onChange} onMove={noop} onRemove={noop} />);
    const options = [...(screen.getByLabelText('If no') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['next', 'exit', 'mail-2', 'exit-1']);
    fireEvent.change(screen.getByLabelText('Check'), { target: { value: 'field' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...step, if: { filter: { field: 'churn_risk', op: 'gt', value: 0.7 } } });
    fireEvent.change(screen.getByLabelText('If yes'), { target: { value: 'mail-2' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...step, then: 'mail-2' });
  });

  it('shows what became of the texts of an SMS step beside its counts', () => {
    const step: FlowStep = { id: 'text', kind: 'send_sms', body: 'Spring sale' };
    render(
      <StepEditor
        step={step}
        index={0}
        count={1}
        later={[]}
        errors={{}}
        counts={{ outcomes: { sent: 3 }, waiting: 0, sms: { delivered: 1, failed: 1, stop_replies: 1 } }}
        onChange={noop}
        onMove={noop}
        onRemove={noop}
      />,
    );
    expect(screen.getByLabelText('Counts of step 1').textContent).toBe('3 sent · texts: 1 delivered, 1 failed, 1 STOP');
  });

  it('shows the API error of a field under it, the per-step counts, and moves and removes', () => {
    const onMove = vi.fn();
    const onRemove = vi.fn();
    const step: FlowStep = { id: 'mail', kind: 'send_email', subject: 'Hi {{ customer.first_name', body: 'x' };
    render(
      <StepEditor
        step={step}
        index={0}
        count={2}
        later={[]}
        errors={{ subject: 'template error: unclosed output' }}
        counts={{ outcomes: { sent: 4, skipped: 2 }, waiting: 1 }}
        onChange={noop}
        onMove={onMove}
        onRemove={onRemove}
      />,
    );
    expect(screen.getByLabelText('Subject').closest('.field')?.textContent).toContain('template error: unclosed output');
    expect(screen.getByLabelText('Counts of step 1').textContent).toBe('4 sent · 2 skipped · 1 waiting');
    expect(screen.getByRole('button', { name: 'Move step 1 up' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Move step 1 down' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(onMove).toHaveBeenCalledWith(1);
    expect(onRemove).toHaveBeenCalledTimes(1);
  });

  it('gives a new step an id not taken yet', () => {
    expect(newStep('send_email', ['send-email-1', 'send-email-2']).id).toBe('send-email-3');
    expect(newStep('wait', [])).toEqual({ id: 'wait-1', kind: 'wait', days: 1 });
  });
});
