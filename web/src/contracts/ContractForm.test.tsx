// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContractForm } from './ContractForm';
import type { LinkSources } from './ContractLinks';
import type { Contract } from './types';

afterEach(cleanup);

const people = [
  { id: 'cus_ada', label: 'Ada Lovelace · ada@example.org' },
  { id: 'cus_alan', label: 'Alan Turing · alan@example.org' },
];
const sources: LinkSources = {
  customers: async (q) => people.filter((p) => p.label.toLowerCase().includes(q.toLowerCase())),
  customer: async (id) => people.find((p) => p.id === id) ?? null,
  deals: async (customerId) => (customerId === 'cus_ada' ? [{ id: 'dea_1', label: 'Maintenance (won)' }] : [{ id: 'dea_9', label: 'Other (open)' }]),
  quotes: async (customerId) => (customerId === 'cus_ada' ? [{ id: 'quo_1', label: 'Q-2026-0001 Maintenance (accepted)' }] : []),
};
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 300)));
const options = (label: string) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.textContent);
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ContractForm links', () => {
  it("finds the customer by name, then offers that customer's deals and quotes, and sends the ids picked", async () => {
    const onSubmit = vi.fn(async (_values: Record<string, unknown>) => {});
    render(<ContractForm onSubmit={onSubmit} onCancel={() => {}} sources={sources} />);
    expect(screen.queryByLabelText('Customer ID')).toBeNull();
    fireEvent.change(screen.getByLabelText('Find a customer'), { target: { value: 'ada' } });
    await settle();
    expect(options('Customer')).toEqual(['No customer', 'Ada Lovelace · ada@example.org']);
    choose('Customer', 'cus_ada');
    await settle();
    expect(options('Deal')).toEqual(['No deal', 'Maintenance (won)']);
    expect(options('Quote')).toEqual(['No quote', 'Q-2026-0001 Maintenance (accepted)']);
    choose('Deal', 'dea_1');
    choose('Quote', 'quo_1');
    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: 'Maintenance 2026' } });
    fireEvent.change(screen.getByLabelText(/^Starts/), { target: { value: '2026-01-01' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create contract' })));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ title: 'Maintenance 2026', starts_on: '2026-01-01', customer_id: 'cus_ada', deal_id: 'dea_1', quote_id: 'quo_1' });
  });

  it('on an existing contract, shows its links by name, and changing only a link saves only that link', async () => {
    const onSubmit = vi.fn(async (_values: Record<string, unknown>) => {});
    const contract = { id: 'con_1', title: 'Maintenance', customer_id: 'cus_ada', deal_id: 'dea_1', quote_id: null, starts_on: '2026-01-01', status: 'active' } as unknown as Contract;
    render(<ContractForm contract={contract} onSubmit={onSubmit} onCancel={() => {}} sources={sources} />);
    await settle();
    expect((screen.getByLabelText('Customer') as HTMLSelectElement).selectedOptions[0].textContent).toBe('Ada Lovelace · ada@example.org');
    expect((screen.getByLabelText('Deal') as HTMLSelectElement).value).toBe('dea_1');
    const save = screen.getByRole('button', { name: 'Save contract' });
    expect(save).toHaveProperty('disabled', true);
    choose('Quote', 'quo_1');
    expect(save).toHaveProperty('disabled', false);
    await act(async () => fireEvent.click(save));
    expect(onSubmit.mock.calls[0][0]).toEqual({ quote_id: 'quo_1' });
  });

  it("on a customer's page asks only for the deal and quote, and keeps the customer", async () => {
    const onSubmit = vi.fn(async (_values: Record<string, unknown>) => {});
    render(<ContractForm customerId="cus_alan" onSubmit={onSubmit} onCancel={() => {}} sources={sources} />);
    await settle();
    expect(screen.queryByLabelText('Customer')).toBeNull();
    expect(options('Deal')).toEqual(['No deal', 'Other (open)']);
    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: 'Support' } });
    fireEvent.change(screen.getByLabelText(/^Starts/), { target: { value: '2026-02-01' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create contract' })));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ customer_id: 'cus_alan', title: 'Support' });
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('deal_id');
  });
});
