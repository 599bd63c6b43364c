import { spawn, type ChildProcess } from 'node:child_process';

export interface ServeProcess {
  child: ChildProcess;
  /** http://127.0.0.1:port, as the server announced it. */
  base: string;
  exited: Promise<unknown>;
  output(): string;
  /** SIGTERM, and waits for the process to end. */
  stop(): Promise<void>;
}

/**
 * Starts `rapport serve` from a CLI bundle (see cli-bundle.ts) with `env` (give PORT=0 for a free
 * port) and resolves once it says where it listens.
 */
export async function startServeProcess(cli: string, env: NodeJS.ProcessEnv, cwd: string, timeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cli, 'serve'], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('close', resolve));
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rapport serve did not start: ${output}`)), timeoutMs);
    const seen = (d: Buffer) => {
      output += d;
      const m = /running on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
  });
  return {
    child,
    base,
    exited,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
