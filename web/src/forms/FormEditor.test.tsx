// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { LeadFormFields } from './FormEditor';
import type { LeadForm, LeadFormInput } from './types';

afterEach(cleanup);

const choices = [
  { name: 'first_name', label: 'First name' },
  { name: 'last_name', label: 'Last name' },
  { name: 'email', label: 'Email' },
  { name: 'phone', label: 'Phone' },
];
const existing: LeadForm = {
  id: 'frm_1',
  name: 'Quote request',
  fields: [
    { field: 'email', required: true, label: 'Email' },
    { field: 'phone', required: false, label: 'Phone' },
    { field: 'budget', required: false, label: 'Budget' },
  ],
  consent_wording: null,
  pipeline_id: null,
  stage_id: null,
  lead_source: 'landing page',
  success_message: 'Thanks, we will call you.',
  redirect_url: null,
  allowed_origins: ['https://shop.example'],
  active: true,
  hosted_url: '/f/frm_1',
  embed_script: '/f/frm_1/embed.js',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('LeadFormFields', () => {
  it('opens an existing form with its own settings and saves what was changed along with what was kept', async () => {
    const onSubmit = vi.fn(async (_input: LeadFormInput) => {});
    render(<LeadFormFields form={existing} choices={choices} onSubmit={onSubmit} submitLabel="Save changes" />);
    expect(value('Name')).toBe('Quote request');
    expect(value('Lead source')).toBe('landing page');
    expect(value('Email')).toBe('required');
    expect(value('Phone')).toBe('optional');
    expect(value('First name')).toBe('off');
    // A field the form asks that is no longer among the choices is still shown, so it can be kept or dropped.
    expect(value('Budget')).toBe('optional');
    expect(value('Email opt-in wording (empty: no checkbox)')).toBe('');
    expect(value('Thank-you message (optional)')).toBe('Thanks, we will call you.');
    expect(value('Sites allowed to embed it (one origin per line, e.g. https://www.example.com)')).toBe('https://shop.example');

    fireEvent.change(screen.getByLabelText('Lead source'), { target: { value: 'spring campaign' } });
    fireEvent.change(screen.getByLabelText('First name'), { target: { value: 'required' } });
    fireEvent.change(screen.getByLabelText('Budget'), { target: { value: 'off' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' })));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toEqual({
      name: 'Quote request',
      lead_source: 'spring campaign',
      fields: [
        { field: 'first_name', required: true },
        { field: 'email', required: true },
        { field: 'phone', required: false },
      ],
      consent_wording: null,
      success_message: 'Thanks, we will call you.',
      redirect_url: null,
      allowed_origins: ['https://shop.example'],
    });
  });

  it("shows the API's refusal and keeps what was typed", async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'invalid', 'redirect_url: must be on an allowed origin', { redirect_url: ['must be on an allowed origin'] });
    });
    render(<LeadFormFields form={existing} choices={choices} onSubmit={onSubmit} submitLabel="Save changes" />);
    fireEvent.change(screen.getByLabelText('Send visitors to this address afterwards (optional; on an allowed site)'), { target: { value: 'https://elsewhere.example/thanks' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' })));
    expect(screen.getByRole('alert').textContent).toMatch(/allowed origin/);
    expect(value('Send visitors to this address afterwards (optional; on an allowed site)')).toBe('https://elsewhere.example/thanks');
  });

  it('starts a new form with the usual fields', async () => {
    const onSubmit = vi.fn(async (_input: LeadFormInput) => {});
    render(<LeadFormFields choices={choices} onSubmit={onSubmit} submitLabel="Create form" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create form' })));
    expect(onSubmit.mock.calls[0][0].fields).toEqual([
      { field: 'first_name', required: true },
      { field: 'last_name', required: false },
      { field: 'email', required: true },
    ]);
  });
});
