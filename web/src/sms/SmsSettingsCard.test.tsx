// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { ToastProvider } from '../components/Toasts';
import { smsApi } from './hooks';
import { SegmentCount } from './SmsComposer';
import { SmsSettingsForm } from './SmsSettingsCard';
import type { SmsSettings } from './types';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const settings: SmsSettings = {
  account_sid: 'AC0123456789abcdef0123456789abcdef',
  auth_token_set: true,
  from_number: '+15017122661',
  messaging_service_sid: null,
  base_url: 'https://api.twilio.com',
  allow_private_base_url: false,
  configured: true,
  status_callback_url: 'https://crm.example.com/sms/status',
  inbound_url: 'https://crm.example.com/sms/inbound',
};

describe('SMS settings form', () => {
  it('shows the callback URLs, keeps the stored token unless a new one is typed, and shows the API field errors next to the fields', async () => {
    const save = vi.spyOn(smsApi, 'save').mockRejectedValueOnce(new ApiError(400, 'invalid_input', 'invalid SMS settings', { from_number: ['a number in E.164 form such as +15017122661'] }));
    render(
      <ToastProvider>
        <SmsSettingsForm settings={settings} onSaved={() => {}} />
      </ToastProvider>,
    );
    expect(screen.getByText('https://crm.example.com/sms/inbound')).toBeTruthy();
    expect(screen.getByText('A token is stored; type a new one to replace it.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('From number'), { target: { value: '0612345678' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save SMS settings' })));
    expect(save).toHaveBeenCalledWith({
      account_sid: settings.account_sid,
      from_number: '0612345678',
      messaging_service_sid: null,
      base_url: 'https://api.twilio.com',
      allow_private_base_url: false,
    });
    expect(screen.getByText('a number in E.164 form such as +15017122661')).toBeTruthy();
  });
});

describe('segment count', () => {
  it('shows the parts, the encoding and the characters that force UCS-2', async () => {
    vi.spyOn(smsApi, 'segments').mockResolvedValue({ encoding: 'UCS-2', units: 75, segments: 2, per_segment: 67, remaining: 59, non_gsm_characters: ['’'] });
    await act(async () => {
      render(<SegmentCount body={'It’s here'} />);
      await new Promise((r) => setTimeout(r, 300));
    });
    const status = screen.getByTestId('sms-segments');
    expect(status.textContent).toContain('2 SMS parts');
    expect(status.textContent).toContain('UCS-2');
    expect(status.textContent).toContain('“’”');
  });
});
