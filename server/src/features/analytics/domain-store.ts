import type { Knex } from 'knex';
import { DOMAIN_REPORT_LIMIT, type DomainReport } from '../../../../shared/contracts/analytics';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import { retryDeadlocks } from '../../db/deadlock';
import { isMysql, isPostgres } from '../../db/dialect';
import { FINAL_CAMPAIGN_STATES, lockStateCounts } from './delivery-counts';
import { domainReportOf } from './domain-report';
import { DOMAIN_EVENT_COUNTERS, DOMAIN_SENT, sumDomainDeltas, type DomainDelta } from './domains';
import { addedValue } from './rollup-store';

const T = TABLES.domainRollups;
/**
 * On domain `''`: `counted` (1) once each domain's `sent` is kept, and `sent_total`, all domains'.
 * Like the deliveries by state (delivery-counts.ts), and under the same lock: what each domain was
 * sent is counted once the campaign is over, and moved after only by the inbound pipeline.
 */
const COUNTED = 'counted';
const SENT_TOTAL = 'sent_total';
const MARKERS = [COUNTED, SENT_TOTAL];
/** The deliveries that count as sent to their domain: the report's `sent` (attempted), bounced since or not. */
const ATTEMPTED = ['sent', 'failed'];

/** Adds a batch's increases to the domains' counters, in its order: one multi-row upsert per 500. */
export const addDomainRollups = async (trx: Knex.Transaction, deltas: readonly DomainDelta[]) => {
  for (const part of chunks(deltas)) {
    await trx(T)
      .insert(part.map((d) => ({ campaign_id: d.campaignId, domain: d.domain, metric: d.metric, value: d.value })))
      .onConflict(['campaign_id', 'domain', 'metric'])
      .merge({ value: addedValue(trx, T) });
  }
};

/** domainOf (domains.ts) in each database's SQL: what follows the address's last `@`. */
const domainSql = (db: Knex | Knex.Transaction) => {
  if (isPostgres(db)) return db.raw(`substring(?? from '[^@]*$')`, ['email']);
  if (isMysql(db)) return db.raw(`substring_index(??, '@', -1)`, ['email']);
  // SQLite has no "last position of": trimming every character but `@` from the end stops after the last one.
  return db.raw(`substr(??, length(rtrim(??, replace(??, '@', ''))) + 1)`, ['email', 'email', 'email']);
};

const isCounted = async (db: Knex | Knex.Transaction, campaignId: number) =>
  Boolean(await db(T).first('value').where({ campaign_id: campaignId, domain: '', metric: COUNTED }));

/** Replaces the campaign's domains' `sent` with a count of its deliveries, and marks them kept. */
const storeSent = async (trx: Knex.Transaction, campaignId: number) => {
  const counts = (
    (await trx(TABLES.deliveries)
      .select({ domain: domainSql(trx) })
      .count({ n: '*' })
      .where('campaign_id', campaignId)
      .whereIn('state', ATTEMPTED)
      .groupByRaw('1')) as Array<{ domain: unknown; n: unknown }>
  ).map((row) => ({ domain: String(row.domain ?? ''), value: Number(row.n) }));
  await trx(T)
    .where('campaign_id', campaignId)
    .where((q) => q.where('metric', DOMAIN_SENT).orWhere((m) => m.where('domain', '').whereIn('metric', MARKERS)))
    .delete();
  const rows = [
    ...counts.map(({ domain, value }) => ({ domain, metric: DOMAIN_SENT, value })),
    { domain: '', metric: SENT_TOTAL, value: counts.reduce((sum, row) => sum + row.value, 0) },
    { domain: '', metric: COUNTED, value: 1 },
  ];
  for (const part of chunks(rows)) await trx(T).insert(part.map((row) => ({ campaign_id: campaignId, ...row })));
};

/**
 * Whether the campaign's domains' `sent` is kept: counted now if the campaign is over and nothing
 * of it is queued or sending any more.
 */
const keepSentCounts = async (knex: Knex, campaignId: number, campaignState: string) => {
  if (!FINAL_CAMPAIGN_STATES.includes(campaignState)) return false;
  if (await isCounted(knex, campaignId)) return true;
  return retryDeadlocks(() =>
    knex.transaction(async (trx) => {
      await lockStateCounts(trx, [campaignId]);
      if (await isCounted(trx, campaignId)) return true;
      const pending = await trx(TABLES.deliveries).first('id').where('campaign_id', campaignId).whereIn('state', ['queued', 'sending']);
      if (pending) return false;
      await storeSent(trx, campaignId);
      return true;
    })
  );
};

/** The rebuild's part, under the state counters' lock: the events' counters go, kept `sent` is counted again. */
export const rebuildDomainSent = async (trx: Knex.Transaction, campaignId: number) => {
  await trx(T).where('campaign_id', campaignId).whereIn('metric', DOMAIN_EVENT_COUNTERS).delete();
  if (await isCounted(trx, campaignId)) await storeSent(trx, campaignId);
};

/** A delivery move of the inbound pipeline (delivery-counts.ts's DeliveryMove), with its domain. */
export interface DomainMove {
  campaignId: number;
  domain: string;
  from: string;
  count: number;
}

/**
 * A delivery whose fate was unknown, failed or settled as sent by a bounce or a delivery notice, is
 * one more sent to its domain where the domains' `sent` is kept. Runs after lockStateCounts.
 */
export const countDomainMoves = async (trx: Knex.Transaction, moves: readonly DomainMove[]) => {
  const entering = moves.filter((move) => move.count > 0 && !ATTEMPTED.includes(move.from));
  if (!entering.length) return;
  const counted = new Set(
    (
      (await trx(T)
        .select('campaign_id')
        .whereIn('campaign_id', [...new Set(entering.map((move) => move.campaignId))])
        .where({ domain: '', metric: COUNTED })) as Array<{ campaign_id: unknown }>
    ).map((row) => Number(row.campaign_id))
  );
  await addDomainRollups(
    trx,
    sumDomainDeltas(
      entering
        .filter((move) => counted.has(move.campaignId))
        .flatMap((move) => [
          { campaignId: move.campaignId, domain: move.domain, metric: DOMAIN_SENT, value: move.count },
          { campaignId: move.campaignId, domain: '', metric: SENT_TOTAL, value: move.count },
        ])
    )
  );
};

/**
 * The campaign's figures per domain: the first DOMAIN_REPORT_LIMIT domains by what they were sent
 * (by people's opens while that is not counted), read through the ranking index, and the rest
 * from the campaign's own counters less theirs: a few reads whatever the number of domains.
 */
export const readDomainReport = async (knex: Knex, campaign: { id: number; documentId: string; state: string }): Promise<DomainReport> => {
  const counted = await keepSentCounts(knex, campaign.id, campaign.state);
  const ranked = (
    (await knex(T)
      .select('domain', 'value')
      .where({ campaign_id: campaign.id, metric: counted ? DOMAIN_SENT : 'unique_open_human' })
      .orderBy([
        { column: 'value', order: 'desc' },
        { column: 'domain', order: 'desc' },
      ])
      .limit(DOMAIN_REPORT_LIMIT)) as Array<{ domain: unknown; value: unknown }>
  )
    .map((row) => ({ domain: String(row.domain), value: Number(row.value) }))
    .sort((a, b) => b.value - a.value || (a.domain < b.domain ? -1 : 1))
    .map((row) => row.domain);
  const [rows, [distinct], campaignRows, sentTotal] = await Promise.all([
    ranked.length ? knex(T).select('domain', 'metric', 'value').where('campaign_id', campaign.id).whereIn('domain', ranked) : [],
    knex(T).countDistinct({ n: 'domain' }).where('campaign_id', campaign.id).whereNotIn('metric', MARKERS),
    knex(TABLES.rollups)
      .select('metric')
      .sum({ value: 'value' })
      .where('campaign_id', campaign.id)
      .whereIn('metric', DOMAIN_EVENT_COUNTERS)
      .groupBy('metric'),
    knex(T).first('value').where({ campaign_id: campaign.id, domain: '', metric: SENT_TOTAL }),
  ]);
  const totals = new Map<string, number>(
    (campaignRows as Array<{ metric: unknown; value: unknown }>).map((r) => [String(r.metric), Number(r.value)])
  );
  totals.set(DOMAIN_SENT, Number(sentTotal?.value ?? 0));
  return domainReportOf(campaign.documentId, {
    counted,
    total: Number((distinct as { n: unknown }).n),
    ranked,
    rows: (rows as Array<{ domain: unknown; metric: unknown; value: unknown }>).map((r) => ({
      domain: String(r.domain),
      metric: String(r.metric),
      value: Number(r.value),
    })),
    campaign: totals,
  });
};
