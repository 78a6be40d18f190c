import type { Knex } from 'knex';
import type { RateTally } from '../../../../shared/contracts/inbound';
import { TABLES } from '../../constants';
import type { DeliveryState } from '../sending/delivery-states';
import { sumTallies } from './rate-guard';

/** Deliveries handed to the mail server: accepted, refused, or lost on the way. What a rate is a share of. */
const REACHED_SERVER: readonly DeliveryState[] = ['sent', 'failed', 'unknown'];
/** A bounce event's `data` (events/delivery-event.ts) as JSON.stringify writes it when the address is dead. */
const HARD_BOUNCE_DATA = '%"kind":"hard"%';
/** Ids per statement: SQLite's bound-variable limit and sane statement sizes elsewhere. */
const CHUNK = 500;

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Per campaign: its deliveries that reached the mail server, and how many of them hard-bounced or
 * were reported as spam. Counted on the indexes (campaign_id, state) of the deliveries and
 * (campaign_id, type) of the events; a delivery bounced twice (at SMTP time, then by a DSN) counts
 * once. With `since` (epoch ms), only the deliveries sent since then, and what came back for them
 * whenever it came: a window's rate is a share of its own mail.
 */
export const campaignTallies = async (knex: Knex, campaignIds: readonly number[], since?: number): Promise<Map<number, RateTally>> => {
  const tallies = new Map<number, RateTally>();
  const tallyOf = (id: number) => {
    let tally = tallies.get(id);
    if (!tally) tallies.set(id, (tally = { sent: 0, hardBounces: 0, complaints: 0 }));
    return tally;
  };
  for (let at = 0; at < campaignIds.length; at += CHUNK) {
    const ids = campaignIds.slice(at, at + CHUNK) as number[];
    const sent: Array<{ campaign_id: number; sent: number | string }> = await knex(TABLES.deliveries)
      .select('campaign_id')
      .count({ sent: '*' })
      .whereIn('campaign_id', ids)
      .whereIn('state', REACHED_SERVER as DeliveryState[])
      .modify((q) => {
        if (since !== undefined) q.where('sending_at', '>=', since);
      })
      .groupBy('campaign_id');
    for (const row of sent) tallyOf(Number(row.campaign_id)).sent = Number(row.sent);

    const came: Array<{ campaign_id: number; complaints: number | string; hard: number | string }> = await knex(`${TABLES.events} as e`)
      .select('e.campaign_id')
      .select(knex.raw(`COUNT(DISTINCT CASE WHEN e.type = 'complaint' THEN e.delivery_id END) AS complaints`))
      .select(knex.raw(`COUNT(DISTINCT CASE WHEN e.type = 'bounce' AND e.data LIKE ? THEN e.delivery_id END) AS hard`, [HARD_BOUNCE_DATA]))
      .whereIn('e.campaign_id', ids)
      .whereIn('e.type', ['bounce', 'complaint'])
      .modify((q) => {
        if (since !== undefined) q.join(`${TABLES.deliveries} as d`, 'd.id', 'e.delivery_id').where('d.sending_at', '>=', since);
      })
      .groupBy('e.campaign_id');
    for (const row of came) {
      const tally = tallyOf(Number(row.campaign_id));
      tally.complaints = Number(row.complaints);
      tally.hardBounces = Number(row.hard);
    }
  }
  return tallies;
};

/** One campaign's tally, all of its sends. */
export const campaignTally = async (knex: Knex, campaignId: number): Promise<RateTally> =>
  (await campaignTallies(knex, [campaignId])).get(campaignId) ?? { sent: 0, hardBounces: 0, complaints: 0 };

export interface SentCampaign {
  campaignId: number;
  startedAt: number;
}

/**
 * The campaigns that may have sent mail since `since`: those whose send is not finished, or
 * finished after it (campaigns_sends, one row per campaign that was sent), newest first.
 */
export const campaignsSendingSince = async (knex: Knex, since: number, limit?: number): Promise<SentCampaign[]> => {
  const rows: Array<{ campaign_id: number; started_at: number | string }> = await knex(TABLES.sends)
    .select('campaign_id', 'started_at')
    .where((q) => q.whereNull('finished_at').orWhere('finished_at', '>=', since))
    .orderBy('started_at', 'desc')
    .modify((q) => {
      if (limit !== undefined) q.limit(limit);
    });
  return rows.map((row) => ({ campaignId: Number(row.campaign_id), startedAt: Number(row.started_at) }));
};

/** Everything sent in the last `days` days, and what came back for it. */
export const windowTally = async (knex: Knex, days: number, now: number): Promise<RateTally> => {
  const since = now - days * DAY_MS;
  const campaigns = await campaignsSendingSince(knex, since);
  const tallies = await campaignTallies(
    knex,
    campaigns.map((c) => c.campaignId),
    since
  );
  return sumTallies(tallies.values());
};
