import type { CheckpointStore } from '../../server/src/features/inbound/mailboxes/checkpoints';
import type { MailboxConfig } from '../../server/src/features/inbound/mailboxes/imap-options';
import { createLeases } from '../../server/src/features/inbound/mailboxes/lease';
import { PROCESSED_KEYWORD } from '../../server/src/features/inbound/mailboxes/scan';
import type { Checkpoint } from '../../server/src/features/inbound/mailboxes/scan-plan';
import { watchMailbox } from '../../server/src/features/inbound/mailboxes/watcher';
import { useDovecot } from '../helpers/dovecot';
import { useRedisPrefix } from '../helpers/redis';
import { waitUntil } from '../helpers/wait';

/*
 * The mailbox watcher against a real Dovecot and a real Redis (its lease), with the pipeline's
 * place taken by an intake that records what it is handed: what reaches the pipeline, in which
 * order, how often, and what the mailbox looks like afterwards. The app-level file
 * (inbound-mailboxes.test.ts) proves the same watcher wired into Strapi, its checkpoint table and
 * the real pipeline.
 */

const dovecot = useDovecot();
const { prefix, redis } = useRedisPrefix();

const message = (subject: string, body = 'The mail system could not deliver your message.') =>
  `From: MAILER-DAEMON@mx.example.net\r\nTo: bounces@example.com\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W+/g, '-')}@mx.example.net>\r\n\r\n${body}\r\n`;

const subjectOf = (raw: Buffer) => /^Subject: (.*)$/m.exec(raw.toString('latin1'))?.[1].trim() ?? '';

/** Checkpoints in memory, kept across watchers as the database keeps them across restarts. */
const memoryCheckpoints = () => {
  const rows = new Map<string, Checkpoint>();
  const store: CheckpointStore = {
    read: async (mailbox) => rows.get(mailbox) ?? null,
    write: async (mailbox, checkpoint) => {
      rows.set(mailbox, { ...checkpoint });
    },
  };
  return { store, rows };
};

/** What the watcher handed over, in order; `failOn` subjects make the intake throw. */
const recordingIntake = (failOn: string[] = []) => {
  const taken: string[] = [];
  return {
    taken,
    intake: {
      async take(raw: Buffer, from: { source: 'mailbox'; origin: string }) {
        const subject = subjectOf(raw);
        if (from.source !== 'mailbox' || !from.origin.startsWith('imap:')) throw new Error(`unexpected origin ${JSON.stringify(from)}`);
        if (failOn.includes(subject)) throw new Error(`the classifier gave up on "${subject}"`);
        taken.push(subject);
      },
    },
  };
};

const recordingLog = () => {
  const lines: string[] = [];
  return { lines, log: { info: (line: string) => lines.push(`info ${line}`), warn: (line: string) => lines.push(`warn ${line}`) } };
};

const mailboxOf = (name: string, credentials: { user: string; password: string }, options: Partial<MailboxConfig> = {}): MailboxConfig => ({
  name,
  purpose: 'both',
  host: dovecot().host,
  port: dovecot().port,
  secure: false,
  rejectUnauthorized: true,
  user: credentials.user,
  password: credentials.password,
  folder: 'INBOX',
  after: 'flag',
  processedFolder: 'Processed',
  errorFolder: 'Unprocessable',
  // An hour: whatever the watcher sees after its first scan, IDLE told it.
  pollSeconds: 3600,
  ...options,
});

const start = (
  mailbox: MailboxConfig,
  parts: {
    intake: ReturnType<typeof recordingIntake>['intake'];
    checkpoints: CheckpointStore;
    log: ReturnType<typeof recordingLog>['log'];
  },
  maxMessageBytes = 1024 * 1024
) => watchMailbox(mailbox, { ...parts, leases: createLeases(redis(), prefix), maxMessageBytes });

describe('mailbox watcher (real Dovecot and Redis)', () => {
  it('takes each message once in UID order, unread until processed, then flags it; new mail arrives through IDLE', async () => {
    const account = dovecot().user('flagging');
    const checkpoints = memoryCheckpoints();
    const { lines, log } = recordingLog();
    const seenWhileTaken: string[][] = [];
    const { taken, intake } = recordingIntake();
    const watching = {
      async take(raw: Buffer, from: { source: 'mailbox'; origin: string }) {
        // What any other mail client sees while the pipeline has the message: not read yet.
        const stored = await dovecot().list(account.user, 'INBOX');
        seenWhileTaken.push(stored.find((m) => m.subject === subjectOf(raw))!.flags);
        await intake.take(raw, from);
      },
    };
    for (const subject of ['first', 'second']) await dovecot().append(account.user, 'INBOX', message(subject));
    const watcher = start(mailboxOf('flagging', account), { intake: watching, checkpoints: checkpoints.store, log });
    try {
      await waitUntil(() => taken.length === 2, 'the two waiting messages to be taken');
      expect(lines).toContainEqual(expect.stringMatching(/mailbox "flagging" .*connected, waiting for new mail with IDLE/));

      const third = await dovecot().append(account.user, 'INBOX', message('third'));
      await waitUntil(() => taken.length === 3, 'the message appended while idling to be taken');
      await waitUntil(() => checkpoints.rows.get('flagging')?.lastUid === third, 'the checkpoint to reach the third UID');
    } finally {
      await watcher.close();
    }
    expect(taken).toEqual(['first', 'second', 'third']);
    expect(seenWhileTaken).toEqual([[], [], []]);
    expect((await dovecot().list(account.user, 'INBOX')).map((m) => m.flags)).toEqual(Array(3).fill([PROCESSED_KEYWORD, '\\Seen']));
    expect(await dovecot().folders(account.user)).toEqual(['INBOX']);
  });

  it('moves processed messages to the processed folder, creating it', async () => {
    const account = dovecot().user('moving');
    const { taken, intake } = recordingIntake();
    for (const subject of ['one', 'two']) await dovecot().append(account.user, 'INBOX', message(subject));
    const watcher = start(mailboxOf('moving', account, { after: 'move', processedFolder: 'Done' }), {
      intake,
      checkpoints: memoryCheckpoints().store,
      log: recordingLog().log,
    });
    try {
      await waitUntil(async () => (await dovecot().list(account.user, 'Done')).length === 2, 'both messages in "Done"');
    } finally {
      await watcher.close();
    }
    expect(taken).toEqual(['one', 'two']);
    expect(await dovecot().list(account.user, 'INBOX')).toEqual([]);
    expect((await dovecot().list(account.user, 'Done')).map((m) => [m.subject, m.flags])).toEqual([
      ['one', []],
      ['two', []],
    ]);
  });

  it('deletes processed messages', async () => {
    const account = dovecot().user('deleting');
    const { taken, intake } = recordingIntake();
    for (const subject of ['gone-1', 'gone-2']) await dovecot().append(account.user, 'INBOX', message(subject));
    const watcher = start(mailboxOf('deleting', account, { after: 'delete' }), {
      intake,
      checkpoints: memoryCheckpoints().store,
      log: recordingLog().log,
    });
    try {
      await waitUntil(
        async () => taken.length === 2 && (await dovecot().list(account.user, 'INBOX')).length === 0,
        'both messages taken and expunged'
      );
    } finally {
      await watcher.close();
    }
    expect(taken).toEqual(['gone-1', 'gone-2']);
    expect(await dovecot().folders(account.user)).toEqual(['INBOX']);
  });

  it('moves a message the intake fails on, and one over the size limit, to the error folder and goes on', async () => {
    const account = dovecot().user('bad-mail');
    const checkpoints = memoryCheckpoints();
    const { lines, log } = recordingLog();
    const { taken, intake } = recordingIntake(['poison']);
    const limit = 64 * 1024;
    const uids = {
      before: await dovecot().append(account.user, 'INBOX', message('before')),
      poison: await dovecot().append(account.user, 'INBOX', message('poison')),
      huge: await dovecot().append(account.user, 'INBOX', message('huge', `${'y'.repeat(76)}\r\n`.repeat(2000))),
      after: await dovecot().append(account.user, 'INBOX', message('after')),
    };
    const watcher = start(mailboxOf('bad-mail', account), { intake, checkpoints: checkpoints.store, log }, limit);
    try {
      await waitUntil(() => checkpoints.rows.get('bad-mail')?.lastUid === uids.after, 'the scan to pass the last message');
    } finally {
      await watcher.close();
    }
    expect(taken).toEqual(['before', 'after']);
    expect((await dovecot().list(account.user, 'Unprocessable')).map((m) => [m.subject, m.flags])).toEqual([
      ['poison', []],
      ['huge', []],
    ]);
    expect((await dovecot().list(account.user, 'INBOX')).map((m) => m.subject)).toEqual(['before', 'after']);
    expect(lines).toContainEqual(
      `warn campaigns: mailbox "bad-mail": message UID ${uids.poison} moved to "Unprocessable": the classifier gave up on "poison"`
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`message UID ${uids.huge} moved to "Unprocessable": \\d+ bytes, over the 65536 of inbound.limits.maxMessageBytes`)
      )
    );
  });

  it('after a restart takes what came meanwhile, nothing twice; a new UIDVALIDITY rescans but skips what it flagged', async () => {
    const account = dovecot().user('restarting');
    const checkpoints = memoryCheckpoints();
    const { taken, intake } = recordingIntake();
    const parts = { intake, checkpoints: checkpoints.store, log: recordingLog().log };
    const mailbox = mailboxOf('restarting', account, { folder: 'Bounces' });

    await dovecot().append(account.user, 'Bounces', message('a'));
    let watcher = start(mailbox, parts);
    await waitUntil(() => taken.length === 1, 'the first message');
    await watcher.close();

    // While no watcher runs, one more message comes.
    await dovecot().append(account.user, 'Bounces', message('b'));
    watcher = start(mailbox, parts);
    await waitUntil(() => taken.length === 2, 'the message that came during the restart');
    await watcher.close();
    expect(taken).toEqual(['a', 'b']);

    // The stored UIDVALIDITY no longer matches the folder's, as after a server rebuilt its index: read from the start
    // again, leaving out what the `flag` action marked (a and b).
    const before = checkpoints.rows.get('restarting')!;
    checkpoints.rows.set('restarting', { uidValidity: before.uidValidity + 1, lastUid: before.lastUid });
    const c = await dovecot().append(account.user, 'Bounces', message('c'));
    watcher = start(mailbox, parts);
    try {
      await waitUntil(() => checkpoints.rows.get('restarting')?.lastUid === c, 'the rescan to reach the new message');
    } finally {
      await watcher.close();
    }
    expect(taken).toEqual(['a', 'b', 'c']);
    expect(checkpoints.rows.get('restarting')).toEqual({ uidValidity: before.uidValidity, lastUid: c });

    // The folder itself rebuilt: new UIDVALIDITY, its UIDs start again at 1.
    await dovecot().recreate(account.user, 'Bounces');
    await dovecot().append(account.user, 'Bounces', message('d'));
    watcher = start(mailbox, parts);
    try {
      await waitUntil(() => taken.length === 4, 'the first message of the rebuilt folder');
    } finally {
      await watcher.close();
    }
    expect(taken).toEqual(['a', 'b', 'c', 'd']);
    expect(checkpoints.rows.get('restarting')!.uidValidity).not.toBe(before.uidValidity);
  });

  it('reconnects after the server restarts, logging each failed attempt with the mailbox name', async () => {
    const account = dovecot().user('reconnecting');
    const { lines, log } = recordingLog();
    const { taken, intake } = recordingIntake();
    const watcher = start(mailboxOf('reconnecting', account), { intake, checkpoints: memoryCheckpoints().store, log });
    try {
      await waitUntil(() => lines.some((line) => line.includes('connected')), 'the first connection');
      await dovecot().restart();
      await waitUntil(
        () => lines.some((line) => /^warn .*mailbox "reconnecting" .*attempt 1 failed/.test(line)),
        'the dropped connection to be logged'
      );
      await dovecot().append(account.user, 'INBOX', message('after-restart'));
      await waitUntil(() => taken.includes('after-restart'), 'the message sent after the restart');
    } finally {
      await watcher.close();
    }
    expect(lines.filter((line) => line.includes('connected')).length).toBeGreaterThanOrEqual(2);
  });

  it('lets one of two watchers of a mailbox work it; the other takes over when it closes', async () => {
    const account = dovecot().user('shared');
    const checkpoints = memoryCheckpoints();
    const first = recordingIntake();
    const second = recordingIntake();
    const mailbox = mailboxOf('shared', account, { after: 'move' });
    for (let i = 1; i <= 6; i += 1) await dovecot().append(account.user, 'INBOX', message(`shared-${i}`));
    const watchers = [
      start(mailbox, { intake: first.intake, checkpoints: checkpoints.store, log: recordingLog().log }),
      start(mailbox, { intake: second.intake, checkpoints: checkpoints.store, log: recordingLog().log }),
    ];
    const all = () => [...first.taken, ...second.taken];
    try {
      await waitUntil(() => all().length === 6, 'the six messages');
      const [holder, other] = first.taken.length ? [0, second] : [1, first];
      expect(other.taken).toEqual([]);
      await watchers[holder].close();

      await dovecot().append(account.user, 'INBOX', message('shared-7'));
      await waitUntil(() => other.taken.includes('shared-7'), 'the other watcher to take over');
    } finally {
      await Promise.all(watchers.map((watcher) => watcher.close()));
    }
    expect(all().sort()).toEqual(['shared-1', 'shared-2', 'shared-3', 'shared-4', 'shared-5', 'shared-6', 'shared-7']);
  });
});
