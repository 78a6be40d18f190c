import type { Knex } from 'knex';
import type { PluginConfig } from '../../../config/schema';
import type { RedisClient } from '../../../queue/connection';
import { checkpointStore } from './checkpoints';
import { createLeases } from './lease';
import type { MailboxIntake } from './scan';
import { watchMailboxes } from './watcher';

export interface MailboxesContext {
  inbound: PluginConfig['inbound'];
  knex: Knex;
  redis: RedisClient;
  /** The plugin's Redis prefix: the leases live under it, so apps sharing a Redis do not share mailboxes. */
  prefix: string;
  intake: MailboxIntake;
  log: { info(message: string): void; warn(message: string): void };
}

/** Watches every configured mailbox (checkpoints in the database, one lease per mailbox in Redis); null when none is configured. */
export const openMailboxes = ({ inbound, knex, redis, prefix, intake, log }: MailboxesContext) =>
  inbound.mailboxes.length
    ? watchMailboxes(inbound.mailboxes, {
        intake,
        checkpoints: checkpointStore(knex),
        leases: createLeases(redis, prefix),
        maxMessageBytes: inbound.limits.maxMessageBytes,
        log,
      })
    : null;
