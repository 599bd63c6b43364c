// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { PipelineForm } from './PipelineForm';
import { samplePipeline } from './pipeline-fixture';

afterEach(cleanup);

const pipeline = samplePipeline;

const save = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save the pipeline' })));

describe('PipelineForm', () => {
  it('reorders stages with the keyboard-reachable buttons and saves the new order', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<PipelineForm pipeline={pipeline} onSubmit={onSubmit} />);
    expect(screen.getByRole('button', { name: 'Move Lead up' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Move Proposal up' }));
    expect((screen.getByLabelText('Stage 1 name') as HTMLInputElement).value).toBe('Proposal');
    await save();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const body = (onSubmit.mock.calls[0] as unknown as [{ stages: { id?: string }[] }])[0];
    expect(body.stages.map((s) => s.id)).toEqual(['stg_b', 'stg_a', 'stg_w', 'stg_l']);
  });

  it('shows its own checks next to the fields and does not submit', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<PipelineForm pipeline={pipeline} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Stage 2 win probability (%)'), { target: { value: '150' } });
    fireEvent.change(screen.getByLabelText('Pipeline name'), { target: { value: '' } });
    await save();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Stage 2 win probability (%)').closest('.field')?.textContent).toContain('a percentage from 0 to 100');
    expect(screen.getByLabelText('Pipeline name').closest('.field')?.textContent).toContain('required');
  });

  it('shows the API field errors of a 400 next to the stage they name', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'invalid', 'stages that hold deals cannot change kind', { 'stages.1.kind': ['stage Proposal holds deals: its kind cannot change'] });
    });
    render(<PipelineForm pipeline={pipeline} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Stage 2 kind'), { target: { value: 'lost' } });
    expect((screen.getByLabelText('Stage 2 win probability (%)') as HTMLInputElement).value).toBe('0');
    await save();
    expect(screen.getByLabelText('Stage 2 kind').closest('.field')?.textContent).toContain('its kind cannot change');
    expect(screen.getByRole('alert').textContent).toContain('cannot change kind');
  });

  it('deleting a stage with deals: the API asks for a target, the picked stage is sent in move_deals', async () => {
    const onSubmit = vi
      .fn<(body: { move_deals?: Record<string, string>; stages: { id?: string }[] }) => Promise<void>>()
      .mockRejectedValueOnce(
        new ApiError(400, 'invalid', 'stages that hold deals cannot be deleted without a target stage', { 'move_deals.stg_b': ['stage Proposal holds deals: name a kept stage to move them to'] }),
      )
      .mockResolvedValueOnce(undefined);
    render(<PipelineForm pipeline={pipeline} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Proposal' }));
    expect(screen.queryByLabelText('Stage 4 name')).toBeNull();
    await save();
    expect(onSubmit.mock.calls[0][0].move_deals).toBeUndefined();
    const picker = screen.getByLabelText('Move the deals of Proposal to') as HTMLSelectElement;
    expect(picker.closest('.field')?.textContent).toContain('name a kept stage');
    expect([...picker.options].map((o) => o.value)).toEqual(['', 'stg_a', 'stg_w', 'stg_l']);
    fireEvent.change(picker, { target: { value: 'stg_l' } });
    await save();
    expect(onSubmit.mock.calls[1][0].move_deals).toEqual({ stg_b: 'stg_l' });
    expect(onSubmit.mock.calls[1][0].stages.map((s) => s.id)).toEqual(['stg_a', 'stg_w', 'stg_l']);
  });
});
