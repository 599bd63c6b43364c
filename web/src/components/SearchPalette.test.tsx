// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchPalette, type SearchResult } from './SearchPalette';

const result = (title: string): SearchResult => ({ kind: 'customer', id: `cus_${title}`, title, detail: `${title.toLowerCase()}@example.com`, href: `/customers/cus_${title}` });

beforeEach(() => {
  vi.useFakeTimers();
  // jsdom has no modal dialogs; opening one only needs the open attribute here.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function type(value: string) {
  fireEvent.change(screen.getByRole('combobox'), { target: { value } });
}

describe('SearchPalette', () => {
  it('searches once typing pauses, with the latest text only', async () => {
    const search = vi.fn(async (q: string) => [result(`Match for ${q}`)]);
    render(<SearchPalette onClose={() => {}} search={search} delay={200} />);
    type('a');
    await act(async () => vi.advanceTimersByTime(100));
    type('ad');
    await act(async () => vi.advanceTimersByTime(100));
    type('ada');
    expect(search).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(200));
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.mock.calls[0][0]).toBe('ada');
    expect(screen.getByRole('option', { name: /Match for ada/ })).toBeTruthy();
  });

  it('aborts the stale request so a slow old answer never replaces a newer one', async () => {
    const resolvers: ((r: SearchResult[]) => void)[] = [];
    const signals: AbortSignal[] = [];
    const search = vi.fn((_q: string, signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<SearchResult[]>((resolve) => resolvers.push(resolve));
    });
    render(<SearchPalette onClose={() => {}} search={search} delay={200} />);
    type('gra');
    await act(async () => vi.advanceTimersByTime(200));
    type('grace');
    await act(async () => vi.advanceTimersByTime(200));
    expect(search).toHaveBeenCalledTimes(2);
    expect(signals[0].aborted).toBe(true);
    expect(signals[1].aborted).toBe(false);
    await act(async () => resolvers[1]([result('Grace Hopper')]));
    await act(async () => resolvers[0]([result('Old answer')]));
    expect(screen.queryByText('Old answer')).toBeNull();
    expect(screen.getByText('Grace Hopper')).toBeTruthy();
  });

  it('moves through results with the arrow keys and says when nothing matches', async () => {
    const search = vi.fn(async (q: string) => (q === 'zzz' ? [] : [result('Ada'), result('Alan')]));
    render(<SearchPalette onClose={() => {}} search={search} delay={50} />);
    type('a');
    await act(async () => vi.advanceTimersByTime(50));
    const input = screen.getByRole('combobox');
    expect(screen.getByRole('option', { name: /Ada/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getByRole('option', { name: /Alan/ }).getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /Alan/ }).id);
    type('zzz');
    await act(async () => vi.advanceTimersByTime(50));
    expect(screen.getByText(/Nothing matches/)).toBeTruthy();
  });

  it('shows the fast results at once and adds the slow search once typing pauses', async () => {
    const search = vi.fn(async (q: string) => [result(`Customer ${q}`)]);
    const later = vi.fn(async (q: string) => [{ kind: 'order' as const, id: `ord_${q}`, title: `Order with ${q}`, detail: '', href: '/customers/cus_x' }]);
    render(<SearchPalette onClose={() => {}} search={search} delay={50} later={later} laterDelay={400} />);
    type('gra');
    await act(async () => vi.advanceTimersByTime(100));
    type('grace');
    await act(async () => vi.advanceTimersByTime(50));
    expect(screen.getByRole('option', { name: /Customer grace/ })).toBeTruthy();
    expect(screen.getByText('Searching order notes…')).toBeTruthy();
    expect(later).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(350));
    expect(later).toHaveBeenCalledTimes(1);
    expect(later.mock.calls[0][0]).toBe('grace');
    expect(screen.getByRole('option', { name: /Order with grace/ })).toBeTruthy();
    expect(screen.getByRole('option', { name: /Customer grace/ })).toBeTruthy();
    expect(screen.queryByText('Searching order notes…')).toBeNull();
  });

  it('shows what went wrong when the search fails', async () => {
    const search = vi.fn(async () => Promise.reject(new Error('server unavailable')));
    render(<SearchPalette onClose={() => {}} search={search} delay={10} />);
    type('x');
    await act(async () => vi.advanceTimersByTime(10));
    expect(screen.getByRole('alert').textContent).toContain('server unavailable');
  });
});
