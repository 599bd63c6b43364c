import { hostname } from 'node:os';

/** This process as `host:pid`, the name a job lock or a running import keeps of who runs it. */
export const thisProcess = (): string => `${hostname()}:${process.pid}`;

/**
 * Whether the process a name from thisProcess() (optionally with a `:suffix`) stands for is known to be
 * gone: it ran on this host, and its pid is no longer running, or is this very process (which has just
 * started, so runs nothing yet). A process on another host is never judged from here.
 */
export function processIsGone(name: string | null | undefined, self = process.pid): boolean {
  if (!name) return false;
  const [host, pidText] = name.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === self) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
