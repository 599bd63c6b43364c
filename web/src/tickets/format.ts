import type { TicketListItem } from './types';

export const statusTone: Record<string, 'neutral' | 'accent' | 'success' | 'warning' | 'danger'> = {
  new: 'accent',
  open: 'accent',
  waiting: 'neutral',
  snoozed: 'neutral',
  resolved: 'success',
  closed: 'neutral',
};

export const statusLabel: Record<string, string> = { new: 'New', open: 'Open', waiting: 'Waiting on customer', snoozed: 'Snoozed', resolved: 'Resolved', closed: 'Closed' };

/** "due in 3 h", "breached 20 min ago", or nothing for a ticket with nothing pending. */
export function dueText(t: Pick<TicketListItem, 'due_in_minutes' | 'breached'>): string {
  if (t.due_in_minutes === null) return '';
  const abs = Math.abs(t.due_in_minutes);
  const span = abs < 60 ? `${abs} min` : abs < 48 * 60 ? `${Math.round(abs / 60)} h` : `${Math.round(abs / 1440)} d`;
  return t.breached ? `breached ${span} ago` : `due in ${span}`;
}

/** Whether a key press came from a field where typing must not trigger shortcuts. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
