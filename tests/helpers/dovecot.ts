import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { afterAllInReverse } from './teardown';
import { waitUntil } from './wait';

const run = promisify(execFile);
const HOST = '127.0.0.1';

/** A message as a test reads it back from Dovecot. */
export interface StoredMessage {
  uid: number;
  flags: string[];
  subject: string;
}

/** A private Dovecot on a free loopback port, a mailbox per user name, and IMAP helpers that act as a mail client would. */
export interface Dovecot {
  host: string;
  port: number;
  /** A user of its own (an empty mailbox): each test takes one, so tests never see each other's mail. */
  user(name: string): { user: string; password: string };
  append(user: string, folder: string, raw: string | Buffer, flags?: string[]): Promise<number>;
  list(user: string, folder: string): Promise<StoredMessage[]>;
  /** Folder names of a user's mailbox. */
  folders(user: string): Promise<string[]>;
  /** Deletes and creates the folder again: same name, new UIDVALIDITY, no messages. */
  recreate(user: string, folder: string): Promise<void>;
  /** Stops the server (its connections drop) and starts it again on the same port with the same mail. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const ensureInstalled = async () => {
  if (
    await run('dovecot', ['--version']).then(
      () => true,
      () => false
    )
  )
    return;
  // As scripts/lib/services.sh installs what the tests need: the Debian package, without its recommends.
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = async (...args: string[]) => {
    const [command, ...rest] = [...asRoot, 'apt-get', ...args];
    await run(command, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  await apt('update', '-qq');
  await apt('install', '-y', '-qq', '--no-install-recommends', 'dovecot-imapd');
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, HOST);
    socket.once('data', (greeting) => {
      socket.destroy();
      resolve(greeting.toString().startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
  });

/** A throw-away configuration: everything under `dir`, no TLS, one plain password, maildirs under `dir/home`. */
const configOf = (dir: string, port: number, password: string) => `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = ${HOST}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = nobody
default_internal_user = nobody
# Any user name logs in with the one password and gets a mailbox of its own: a passwd-file would be
# read again at most once a second, and logins tried before that fail and are then slowed down.
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = ${HOST}
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;

/** Starts Dovecot in the foreground (`dovecot -F`), as a child this process stops. */
export const startDovecot = async (): Promise<Dovecot> => {
  await ensureInstalled();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'campaigns-dovecot-'));
  // Dovecot's processes run as nobody: they must reach the maildirs under the folder.
  await fs.chmod(dir, 0o755);
  await fs.mkdir(path.join(dir, 'home'), { mode: 0o777 });
  await fs.chmod(path.join(dir, 'home'), 0o777);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const config = path.join(dir, 'dovecot.conf');
  await fs.writeFile(config, configOf(dir, port, password));
  const users = new Set<string>();

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const launch = async () => {
    const started = spawn('dovecot', ['-F', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr!.on('data', (chunk) => (stderr += chunk));
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    child = started;
    await waitUntil(async () => {
      if (started.exitCode !== null) throw new Error(`dovecot exited with ${started.exitCode}: ${stderr} (log: ${dir}/dovecot.log)`);
      return accepts(port);
    }, `dovecot to answer on port ${port} (log: ${dir}/dovecot.log)`);
  };
  const halt = async () => {
    // The master stops its login, auth and imap processes before it exits.
    if (child && child.exitCode === null) child.kill('SIGTERM');
    await exited;
    child = undefined;
  };

  const session = async <T>(user: string, work: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    if (!users.has(user)) throw new Error(`no Dovecot user "${user}": make it with dovecot.user()`);
    const imap = new ImapFlow({ host: HOST, port, secure: false, auth: { user, pass: password }, logger: false, disableAutoIdle: true });
    imap.on('error', () => undefined);
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout().catch(() => imap.close());
    }
  };

  try {
    await launch();
  } catch (error) {
    await halt();
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    host: HOST,
    port,
    user(name) {
      if (!/^[a-z0-9-]+$/.test(name) || users.has(name)) throw new Error(`pick a new user name of letters, digits and "-", not "${name}"`);
      users.add(name);
      return { user: name, password };
    },
    append: (user, folder, raw, flags = []) =>
      session(user, async (imap) => {
        if (folder !== 'INBOX') await imap.mailboxCreate(folder);
        const appended = await imap.append(folder, raw, flags);
        if (!appended || !appended.uid) throw new Error(`APPEND to ${user}/${folder} gave no UID`);
        return appended.uid;
      }),
    list: (user, folder) =>
      session(user, async (imap) => {
        if (!(await imap.list()).some((box) => box.path === folder)) return [];
        // FETCH 1:* on an empty folder is an error.
        if ((await imap.mailboxOpen(folder, { readOnly: true })).exists === 0) return [];
        const messages: StoredMessage[] = [];
        for await (const message of imap.fetch('1:*', { uid: true, flags: true, envelope: true }, { uid: false })) {
          // \Recent belongs to the session that saw the message first, not to the message.
          const flags = [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent').sort();
          messages.push({ uid: message.uid, flags, subject: message.envelope?.subject ?? '' });
        }
        return messages.sort((a, b) => a.uid - b.uid);
      }),
    folders: (user) => session(user, async (imap) => (await imap.list()).map((box) => box.path).sort()),
    recreate: (user, folder) =>
      session(user, async (imap) => {
        await imap.mailboxDelete(folder);
        await imap.mailboxCreate(folder);
      }),
    async restart() {
      await halt();
      await launch();
    },
    async stop() {
      await halt();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
};

/**
 * Starts Dovecot before this file's tests (beforeAll) and stops it after everything declared later
 * (an app reading its mailboxes) has stopped. The handle reads the server when called.
 */
export const useDovecot = () => {
  let dovecot: Dovecot | undefined;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAllInReverse(() => dovecot?.stop());
  return () => {
    if (!dovecot) throw new Error('Dovecot starts in beforeAll: call this handle from tests and hooks');
    return dovecot;
  };
};
