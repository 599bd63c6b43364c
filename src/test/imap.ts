/**
 * A private Dovecot IMAP server for tests (Debian's dovecot-imapd, installed by .ci/run): its own
 * configuration, run and mail directories in a temporary folder, passwd-file authentication, plain
 * IMAP on a free loopback port, maildir storage. It runs as the current user; as root, Dovecot refuses
 * to run its login and mail processes as root, so those run as the package's dovenull and dovecot users.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

const dovecotBinary = '/usr/sbin/dovecot';

export interface TestImap {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Appends a raw message to a folder of the test user (INBOX by default); returns its UID. */
  append(raw: string | Buffer, folder?: string): Promise<number>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const idOf = (flag: '-u' | '-g', name: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startTestImap(): Promise<TestImap> {
  if (!fs.existsSync(dovecotBinary)) throw new Error(`${dovecotBinary} is missing: install the Debian package dovecot-imapd (.ci/run does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-imap-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = os.userInfo();
  const user = 'support';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const mailUid = root ? idOf('-u', 'dovecot') : me.uid;
  const mailGid = root ? idOf('-g', 'dovecot') : me.gid;
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  for (const sub of ['run', 'state', 'mail', 'home']) fs.mkdirSync(path.join(dir, sub));
  if (root) for (const sub of ['mail', 'home']) fs.chownSync(path.join(dir, sub), mailUid, mailGid);
  fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const log = path.join(dir, 'dovecot.log');
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
instance_name = rapport-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${root ? 'dovecot' : me.username}
default_internal_group = ${root ? 'dovecot' : group}
default_login_user = ${root ? 'dovenull' : me.username}
first_valid_uid = ${Math.min(mailUid, 1)}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0600
  }
  unix_listener stats-writer {
    mode = 0600
  }
}
`;
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), config);
  const child = spawn(dovecotBinary, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  const imap: TestImap = {
    host: '127.0.0.1',
    port,
    user,
    password,
    async append(raw, folder = 'INBOX') {
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
      await client.connect();
      try {
        const result = await client.append(folder, raw);
        return result ? Number(result.uid) : 0;
      } finally {
        await client.logout();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return imap;
}
