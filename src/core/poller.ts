/**
 * A loop that runs one pass, waits `pollMs`, and runs again: the shape of every background worker in
 * the server (jobs, event consumers, webhook delivery). `nudge` runs the next pass now; `stop` lets the
 * pass in progress finish and runs no more. A pass checks `stopped()` between units of work.
 */
export interface Poller {
  nudge(): void;
  stop(): Promise<void>;
  stopped(): boolean;
}

export function startPoller(pass: () => Promise<void>, pollMs: number): Poller {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    await pass();
    if (!stopped) timer = setTimeout(() => (running = tick()), pollMs);
  };
  // The first pass starts on the next microtask, so a pass may refer to the poller it belongs to.
  running = Promise.resolve().then(tick);
  return {
    nudge() {
      if (stopped) return;
      clearTimeout(timer);
      running = running.then(tick);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    stopped: () => stopped,
  };
}
