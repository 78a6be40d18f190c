/** Where a mailbox's scan has got to: the folder's UIDVALIDITY and the last UID handed to the pipeline. */
export interface Checkpoint {
  uidValidity: number;
  lastUid: number;
}

/** What the server says of the selected folder. `uidNext` is 0 when it does not say. */
export interface FolderState {
  uidValidity: number;
  uidNext: number;
}

export interface ScanPlan {
  /** The first UID to look at. */
  from: number;
  /** Why the whole folder is scanned again (its messages already processed are left out by keyword), or null when the scan goes on from the checkpoint. */
  rescan: null | 'first scan' | 'UIDVALIDITY changed' | 'checkpoint ahead of the folder';
}

/**
 * Where the next scan starts. UIDs only grow within one UIDVALIDITY, so the checkpoint's next UID
 * is where new mail begins; a new UIDVALIDITY (the folder was rebuilt) or a checkpoint past the
 * server's next UID (a server that renumbered without saying so) means the stored UIDs name other
 * messages now: the folder is read from its first UID again.
 */
export const planScan = (checkpoint: Checkpoint | null, folder: FolderState): ScanPlan => {
  if (!checkpoint) return { from: 1, rescan: 'first scan' };
  if (checkpoint.uidValidity !== folder.uidValidity) return { from: 1, rescan: 'UIDVALIDITY changed' };
  if (folder.uidNext > 0 && checkpoint.lastUid >= folder.uidNext) return { from: 1, rescan: 'checkpoint ahead of the folder' };
  return { from: checkpoint.lastUid + 1, rescan: null };
};

/**
 * The UIDs to take from a `UID SEARCH UID <from>:*` answer, in order. In IMAP `*` is the largest
 * UID in the folder, so `<from>:*` still matches the last message when every UID is below
 * `from`: that one was processed already and is dropped here.
 */
export const uidsToTake = (found: readonly number[], from: number): number[] =>
  [...new Set(found.filter((uid) => uid >= from))].sort((a, b) => a - b);
