// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type CannedReplyInput, type Mailbox, type SlaSettings } from '../lib/api';
import { CannedReplyFields } from './CannedReplies';
import { MailboxFields } from './MailboxForm';
import type { MailboxSubmit } from './settings-hooks';
import { SlaSettingsForm, parseHours } from './SlaSettingsForm';

afterEach(cleanup);

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const type = (label: string, text: string) => fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
const submit = (name: string) => act(async () => fireEvent.click(screen.getByRole('button', { name })));
/** The message shown next to a field: the element its aria-describedby names as the error. */
const errorNextTo = (label: string) => {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent).join(' ');
};

const mailbox: Mailbox = {
  id: 'mbx_1',
  name: 'Support',
  address: 'help@shop.example',
  host: 'imap.shop.example',
  port: 993,
  security: 'tls',
  username: 'help',
  password_set: true,
  folder: 'INBOX',
  enabled: true,
  last_uid: 12,
  last_polled_at: null,
  last_error: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('MailboxFields', () => {
  it('adds a mailbox with every IMAP setting; choosing STARTTLS moves the usual port along', async () => {
    const onSubmit = vi.fn(async (_input: MailboxSubmit) => {});
    render(<MailboxFields onSubmit={onSubmit} submitLabel="Add mailbox" />);
    type('Name', 'Orders desk');
    type('Support address', 'orders@shop.example');
    type('IMAP server', 'mail.shop.example');
    fireEvent.change(screen.getByLabelText('Security'), { target: { value: 'starttls' } });
    expect(value('Port')).toBe('143');
    type('User name', 'orders');
    type('Password', 's3cret');
    type('Folder', 'Support/Orders');
    fireEvent.click(screen.getByLabelText('Fetch mail from this mailbox'));
    await submit('Add mailbox');
    expect(onSubmit.mock.calls[0][0]).toEqual({
      name: 'Orders desk',
      address: 'orders@shop.example',
      host: 'mail.shop.example',
      port: 143,
      security: 'starttls',
      username: 'orders',
      password: 's3cret',
      folder: 'Support/Orders',
      enabled: false,
    });
  });

  it('keeps the stored password when left empty, and shows a refusal next to its field', async () => {
    const onSubmit = vi.fn(async (_input: MailboxSubmit) => {});
    const { unmount } = render(<MailboxFields mailbox={mailbox} onSubmit={onSubmit} submitLabel="Save mailbox" />);
    expect(value('IMAP server')).toBe('imap.shop.example');
    expect(value('Password')).toBe('');
    type('Port', '1993');
    await submit('Save mailbox');
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('password');
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ port: 1993, security: 'tls', folder: 'INBOX', enabled: true });
    unmount();

    const refuse = vi.fn(async () => {
      throw new ApiError(400, 'invalid', 'IMAP without TLS is only allowed to a loopback host', { security: ['use tls or starttls for a remote server'] });
    });
    render(<MailboxFields mailbox={mailbox} onSubmit={refuse} submitLabel="Save mailbox" />);
    fireEvent.change(screen.getByLabelText('Security'), { target: { value: 'none' } });
    await submit('Save mailbox');
    expect(errorNextTo('Security')).toBe('use tls or starttls for a remote server');
    expect(screen.getByLabelText('Security').getAttribute('aria-invalid')).toBe('true');
    expect(errorNextTo('IMAP server')).toBe('');
    expect(value('Security')).toBe('none');
  });
});

const workday: [string, string][] = [['09:00', '17:00']];
const sla: SlaSettings = {
  hours: { sun: [], mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [] },
  holidays: ['2026-12-25'],
  targets: {
    urgent: { first_response_minutes: 60, resolution_minutes: 480 },
    high: { first_response_minutes: 240, resolution_minutes: 960 },
    normal: { first_response_minutes: 480, resolution_minutes: 2400 },
    low: { first_response_minutes: 960, resolution_minutes: 4800 },
  },
  kind_targets: { complaint: { first_response_minutes: 120, resolution_minutes: 960 } },
  follow_up_days: 14,
  raise_priority: { enabled: true, min_clv: 1000, min_churn_risk: 0.5, to: 'high' },
};

describe('SlaSettingsForm', () => {
  it('reads hours as windows', () => {
    expect(parseHours('9:00-12:00, 13:00 – 17:30')).toEqual([
      ['09:00', '12:00'],
      ['13:00', '17:30'],
    ]);
    expect(parseHours('')).toEqual([]);
    expect(parseHours('nine to five')).toBeNull();
  });

  it('saves hours, holidays and targets per priority and kind, with what was kept', async () => {
    const onSubmit = vi.fn(async (_s: SlaSettings) => {});
    render(<SlaSettingsForm settings={sla} onSubmit={onSubmit} />);
    expect(value('Monday')).toBe('09:00-17:00');
    expect(value('Sunday')).toBe('');
    type('Friday', '09:00-12:00, 13:00-15:00');
    type('Saturday', '10:00-13:00');
    type('Holidays (closed all day)', '2026-12-25\n2026-12-26');
    type('First response, urgent priority', '30');
    type('First response, a problem (if shorter; optional)', '90');
    type('Resolution, a problem (if shorter; optional)', '600');
    type('First response, a complaint (if shorter; optional)', '');
    type('Resolution, a complaint (if shorter; optional)', '');
    type('Follow-up window (days)', '7');
    fireEvent.change(screen.getByLabelText('To priority'), { target: { value: 'urgent' } });
    await submit('Save service levels');
    expect(onSubmit.mock.calls[0][0]).toEqual({
      hours: {
        mon: workday,
        tue: workday,
        wed: workday,
        thu: workday,
        fri: [
          ['09:00', '12:00'],
          ['13:00', '15:00'],
        ],
        sat: [['10:00', '13:00']],
        sun: [],
      },
      holidays: ['2026-12-25', '2026-12-26'],
      targets: { ...sla.targets, urgent: { first_response_minutes: 30, resolution_minutes: 480 } },
      kind_targets: { problem: { first_response_minutes: 90, resolution_minutes: 600 } },
      follow_up_days: 7,
      raise_priority: { enabled: true, min_clv: 1000, min_churn_risk: 0.5, to: 'urgent' },
    });
  });

  it('names mistakes next to their fields: its own before sending, the API refusal after', async () => {
    const onSubmit = vi.fn(async (_s: SlaSettings) => {
      throw new ApiError(400, 'invalid', 'the service-level settings are not valid', { 'holidays.1': ['a date as YYYY-MM-DD'], 'hours.tue': ['a window must end after it starts'] });
    });
    render(<SlaSettingsForm settings={sla} onSubmit={onSubmit} />);
    type('Wednesday', 'all day');
    type('Resolution, a question (if shorter; optional)', '100');
    await submit('Save service levels');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorNextTo('Wednesday')).toMatch(/09:00-17:00/);
    const questionRow = screen.getByRole('row', { name: /a question/ });
    expect(within(questionRow).getByRole('alert').textContent).toBe('set both targets, or neither');

    type('Wednesday', '09:00-17:00');
    type('Resolution, a question (if shorter; optional)', '');
    type('Tuesday', '17:00-09:00');
    type('Holidays (closed all day)', '2026-12-25\n25/12/2026');
    await submit('Save service levels');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(errorNextTo('Holidays (closed all day)')).toBe('a date as YYYY-MM-DD');
    expect(errorNextTo('Tuesday')).toBe('a window must end after it starts');
    expect(errorNextTo('Wednesday')).toBe('');
    expect(value('Tuesday')).toBe('17:00-09:00');
  });
});

describe('CannedReplyFields', () => {
  it('saves an edited canned reply and shows a Liquid error next to the text', async () => {
    const reply = { id: 'cr_1', name: 'Thanks', body: 'Hi {{ customer.first_name }}', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
    const onSubmit = vi.fn(async (input: CannedReplyInput) => {
      if (input.body.includes('{%')) throw new ApiError(400, 'invalid', 'the canned reply has a Liquid error', { body: ['tag "if" not closed'] });
    });
    render(<CannedReplyFields reply={reply} onSubmit={onSubmit} submitLabel="Save canned reply" />);
    expect(value('Name')).toBe('Thanks');
    type('Text', 'Hi {{ customer.first_name }}, about {{ ticket.reference }}: done.');
    await submit('Save canned reply');
    expect(onSubmit.mock.calls[0][0]).toEqual({ name: 'Thanks', body: 'Hi {{ customer.first_name }}, about {{ ticket.reference }}: done.' });
    expect(errorNextTo('Text')).toBe('');

    type('Text', '{% if ticket.kind %}Sorry');
    await submit('Save canned reply');
    expect(errorNextTo('Text')).toBe('tag "if" not closed');
    expect(value('Text')).toBe('{% if ticket.kind %}Sorry');
  });
});
