// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDelayedFlag } from './hooks';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useDelayedFlag', () => {
  it('turns on only after the flag has stayed on for the delay, and off at once', () => {
    const { result, rerender } = renderHook(({ flag }) => useDelayedFlag(flag, 250), { initialProps: { flag: false } });
    expect(result.current).toBe(false);
    rerender({ flag: true });
    act(() => vi.advanceTimersByTime(249));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
    rerender({ flag: false });
    expect(result.current).toBe(false);
  });

  it('stays off when the flag goes off before the delay', () => {
    const { result, rerender } = renderHook(({ flag }) => useDelayedFlag(flag, 250), { initialProps: { flag: true } });
    act(() => vi.advanceTimersByTime(200));
    rerender({ flag: false });
    rerender({ flag: true });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe(true);
  });
});
