import type { ImapFlow } from 'imapflow';
import type { CheckpointStore } from './checkpoints';
import type { MailboxConfig } from './imap-options';
import { planScan, uidsToTake } from './scan-plan';

/** The keyword the `flag` after-action sets beside \Seen: a rescan leaves such messages alone. */
export const PROCESSED_KEYWORD = '$CampaignsProcessed';

/**
 * Where a mailbox hands each message: the inbound pipeline's mail intake (classify, then apply).
 * `untouched`: a replies mailbox's mail about none of our messages, which gets no after-action.
 */
export interface MailboxIntake {
  take(
    raw: Buffer,
    from: { source: 'mailbox'; origin: string; purpose: MailboxConfig['purpose'] }
  ): Promise<{ untouched?: boolean } | void>;
}

export interface ScanLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ScanContext {
  mailbox: MailboxConfig;
  intake: MailboxIntake;
  checkpoints: CheckpointStore;
  /** Larger messages are moved to the error folder without being downloaded. */
  maxMessageBytes: number;
  log: ScanLog;
  /** False once the watcher is closing or lost its lease: the scan stops before the next message, never inside one. */
  mayGoOn(): boolean;
}

/** What one scan did. */
export interface ScanResult {
  taken: number;
  setAside: number;
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 500);

/**
 * Reads the selected folder's new messages by UID, from the stored checkpoint on, and hands each to
 * the intake: fetched with BODY.PEEK (nothing is marked read before it is processed), then the
 * configured after-action (none for a mail the intake left untouched), then the checkpoint moved to
 * its UID. A message the intake fails on, or one over the size limit, is moved to the error folder
 * (left in place in a replies mailbox) with a log line naming its UID and the reason, and the scan
 * goes on. IMAP failures are not the message's fault: they end the scan (the
 * watcher reconnects) and leave the checkpoint where it was.
 */
export const scanFolder = async (imap: ImapFlow, context: ScanContext): Promise<ScanResult> => {
  const { mailbox, log } = context;
  if (!imap.mailbox) throw new Error(`no folder is selected`);
  const folder = { uidValidity: Number(imap.mailbox.uidValidity), uidNext: imap.mailbox.uidNext ?? 0 };
  const plan = planScan(await context.checkpoints.read(mailbox.name), folder);
  if (plan.rescan) {
    log.info(`campaigns: mailbox "${mailbox.name}": reading ${mailbox.folder} from its first message (${plan.rescan})`);
    await context.checkpoints.write(mailbox.name, { uidValidity: folder.uidValidity, lastUid: 0 });
  }

  const found = await imap.search({ uid: `${plan.from}:*`, deleted: false, unKeyword: PROCESSED_KEYWORD }, { uid: true });
  const created = new Set<string>();
  const ensureFolder = async (path: string) => {
    if (created.has(path)) return;
    // An existing folder answers ALREADYEXISTS, which imapflow reports as `created: false`.
    await imap.mailboxCreate(path);
    created.add(path);
  };
  const moveTo = async (uid: number, path: string) => {
    await ensureFolder(path);
    if (!(await imap.messageMove(String(uid), path, { uid: true }))) throw new Error(`moving UID ${uid} to "${path}" failed`);
  };
  const afterAction = async (uid: number) => {
    switch (mailbox.after) {
      case 'flag':
        if (!(await imap.messageFlagsAdd(String(uid), ['\\Seen', PROCESSED_KEYWORD], { uid: true })))
          throw new Error(`flagging UID ${uid} failed`);
        return;
      case 'move':
        return moveTo(uid, mailbox.processedFolder);
      case 'delete':
        if (!(await imap.messageDelete(String(uid), { uid: true }))) throw new Error(`deleting UID ${uid} failed`);
        return;
    }
  };

  type Delivered = { kind: 'taken' } | { kind: 'untouched' } | { kind: 'gone' } | { kind: 'failed'; reason: string };
  const deliver = async (uid: number): Promise<Delivered> => {
    const meta = await imap.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
    // Gone since the search (another client moved or expunged it): nothing to do but move past it.
    if (!meta) return { kind: 'gone' };
    if ((meta.size ?? 0) > context.maxMessageBytes) {
      return { kind: 'failed', reason: `${meta.size} bytes, over the ${context.maxMessageBytes} of inbound.limits.maxMessageBytes` };
    }
    // The prefix bound holds even if the announced size was wrong.
    const message = await imap.fetchOne(String(uid), { source: { start: 0, maxLength: context.maxMessageBytes } }, { uid: true });
    if (!message || !message.source) return { kind: 'gone' };
    try {
      const taken = await context.intake.take(message.source, {
        source: 'mailbox',
        origin: `imap:${mailbox.name}`,
        purpose: mailbox.purpose,
      });
      return { kind: taken?.untouched ? 'untouched' : 'taken' };
    } catch (error) {
      return { kind: 'failed', reason: errorText(error) };
    }
  };

  const result: ScanResult = { taken: 0, setAside: 0 };
  const handle = async (uid: number) => {
    const delivered = await deliver(uid);
    if (delivered.kind === 'failed' && mailbox.purpose === 'replies') {
      // A replies mailbox may be people's shared inbox: a mail we cannot read may well be a
      // colleague's, so it stays where it is, unflagged, and the checkpoint passes it.
      log.warn(`campaigns: mailbox "${mailbox.name}": message UID ${uid} left in place unread: ${delivered.reason}`);
      result.setAside += 1;
    } else if (delivered.kind === 'failed') {
      await moveTo(uid, mailbox.errorFolder);
      log.warn(`campaigns: mailbox "${mailbox.name}": message UID ${uid} moved to "${mailbox.errorFolder}": ${delivered.reason}`);
      result.setAside += 1;
    } else if (delivered.kind === 'taken') {
      await afterAction(uid);
      result.taken += 1;
    }
    await context.checkpoints.write(mailbox.name, { uidValidity: folder.uidValidity, lastUid: uid });
  };

  for (const uid of uidsToTake(found || [], plan.from)) {
    if (!context.mayGoOn()) break;
    await handle(uid);
  }
  return result;
};
