/** A signed-in browser for a whole test file (kept apart from harness.ts, which the benchmarks import without a test runner). */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { apiCall, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

export interface SignedInApp {
  app: RunningApp;
  page: Page;
  base: string;
  /** Uncaught page errors and 5xx answers seen so far. */
  problems: string[];
  apiCall(method: string, url: string, body?: unknown): ReturnType<typeof apiCall>;
}

/**
 * Starts Rapport and a browser before the file's tests, signs the owner up, and closes both after:
 * the returned object is filled in by the time the tests run.
 */
export function signedInApp(waitForLink: string, viewport = { width: 1440, height: 900 }): SignedInApp {
  const state = { problems: [] as string[] } as SignedInApp;
  beforeAll(async () => {
    state.app = await startApp(viewport);
    state.page = state.app.page;
    state.base = state.app.base;
    state.apiCall = (method, url, body) => apiCall(state.page, method, url, body);
    state.page.setDefaultTimeout(30_000);
    watchForProblems(state.page, state.problems);
    await signUp(state.page, state.base, waitForLink);
  }, 300_000);
  afterAll(async () => state.app?.close());
  return state;
}
