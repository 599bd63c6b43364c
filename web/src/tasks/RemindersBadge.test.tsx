// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskCountBadge } from './RemindersBadge';

afterEach(cleanup);

describe('TaskCountBadge', () => {
  it('shows overdue and due-today tasks with words for screen readers, red while any is overdue', () => {
    const { container } = render(<TaskCountBadge counts={{ overdue: 2, due_today: 3, reminders: 9 }} />);
    const badge = container.querySelector('.nav-badge')!;
    expect(badge.textContent).toBe('5 tasks due or overdue');
    expect(badge.classList.contains('nav-badge-overdue')).toBe(true);
    expect(badge.getAttribute('title')).toBe('2 overdue, 3 due later today');
  });

  it('is not red with only tasks due later today, caps at 99+, and shows nothing at zero', () => {
    const { container, rerender } = render(<TaskCountBadge counts={{ overdue: 0, due_today: 1, reminders: 0 }} />);
    expect(container.querySelector('.nav-badge-overdue')).toBeNull();
    rerender(<TaskCountBadge counts={{ overdue: 150, due_today: 0, reminders: 0 }} />);
    expect(screen.getByText('99+')).toBeTruthy();
    rerender(<TaskCountBadge counts={{ overdue: 0, due_today: 0, reminders: 4 }} />);
    expect(container.innerHTML).toBe('');
  });
});
