import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { isMysql, isPostgres, whereInIdWalk } from '../../db/dialect';
import { FIRST_COLUMN, MACHINE_FIRST_COLUMN, type FirstColumn } from '../../events/delivery-event';
import { recountStates, STATE_PREFIX } from './delivery-counts';
import { factsOfRow, type StoredEventRow } from './event-facts';
import { addDomainRollups, rebuildDomainSent } from './domain-store';
import { domainDeltasOf, domainOf, sumDomainDeltas, type DomainDelta } from './domains';
import { deltasOf, type CountedFirst, type CountedLinkFirst, type ReaderFacts, type RollupDelta } from './metrics';
import { addRollups } from './rollup-store';

const PAGE = 5000;
const FIRST_COLUMNS: FirstColumn[] = [...Object.values(FIRST_COLUMN), ...Object.values(MACHINE_FIRST_COLUMN)];

/**
 * Keeps the live batches of this campaign's counters out until the rebuild commits: a batch that
 * committed before is in what the rebuild reads, one still writing adds its increase after. On
 * SQLite the rebuild's first write (the delete) already holds the only write lock.
 */
const lockCounters = async (trx: Knex.Transaction, campaignId: number) => {
  if (isPostgres(trx))
    await trx.raw(`LOCK TABLE ??, ??, ?? IN SHARE ROW EXCLUSIVE MODE`, [TABLES.rollups, TABLES.rollupHours, TABLES.domainRollups]);
  else if (isMysql(trx)) {
    for (const table of [TABLES.rollups, TABLES.rollupHours, TABLES.domainRollups])
      await trx(table).select('metric').where('campaign_id', campaignId).forUpdate();
  }
};

const mergeDeltas = (deltas: readonly RollupDelta[]) => {
  const sums = new Map<string, RollupDelta>();
  for (const delta of deltas) {
    const key = `${delta.variant}\n${delta.metric}\n${delta.hour}`;
    const sum = sums.get(key);
    if (sum) sum.value += delta.value;
    else sums.set(key, { ...delta });
  }
  return [...sums.values()];
};

/** The campaign's counters recomputed from its stored events and its deliveries' first times, by the same rules as the live ones. */
const rebuildCampaign = async (trx: Knex.Transaction, campaignId: number) => {
  await lockCounters(trx, campaignId);
  // Deliveries by state are not counted from events: kept ones are counted again (delivery-counts.ts).
  await recountStates(trx, campaignId);
  await rebuildDomainSent(trx, campaignId);
  await trx(TABLES.rollups).where('campaign_id', campaignId).where('metric', 'not like', `${STATE_PREFIX}%`).delete();
  await trx(TABLES.rollupHours).where('campaign_id', campaignId).delete();
  const deltas: RollupDelta[] = [];
  const domainDeltas: DomainDelta[] = [];
  // Each delivery's first click by its reader on each link, the earliest: the links' unique clickers.
  const linkFirsts = new Map<string, CountedLinkFirst>();
  // The open that set each delivery's first people's open (the first stored at that time): its reader's client.
  const readers = new Map<number, ReaderFacts>();
  let after = 0;
  for (;;) {
    const rows: Array<StoredEventRow & { id: unknown; variant: unknown; email: unknown; delivery_id: unknown; first_open_at: unknown }> =
      await trx(`${TABLES.events} as e`)
        .join(`${TABLES.deliveries} as d`, 'd.id', 'e.delivery_id')
        .select('e.id', 'e.type', 'e.is_bot', 'e.occurred_at', 'e.data', 'e.delivery_id', 'd.variant', 'd.email', 'd.first_open_at')
        .modify((q) => whereInIdWalk(q, trx, 'e.campaign_id', campaignId))
        .where('e.id', '>', after)
        .orderBy('e.id')
        .limit(PAGE);
    if (!rows.length) break;
    after = Number(rows[rows.length - 1].id);
    const counted = rows.map((row) => ({
      campaignId,
      variant: String(row.variant ?? ''),
      domain: domainOf(String(row.email ?? '')),
      facts: factsOfRow(row),
    }));
    deltas.push(...deltasOf(counted, []));
    domainDeltas.push(...domainDeltasOf(counted, []));
    counted.forEach(({ variant, facts }, i) => {
      const deliveryId = Number(rows[i].delivery_id);
      if (facts.type === 'open' && !facts.isBot && facts.at === Number(rows[i].first_open_at) && !readers.has(deliveryId))
        readers.set(deliveryId, { mailClient: facts.mailClient, device: facts.device });
      if (facts.type !== 'click' || facts.isBot || !facts.linkId) return;
      const pair = `${deliveryId}:${facts.linkId}`;
      const known = linkFirsts.get(pair);
      if (!known || facts.at < known.at) linkFirsts.set(pair, { campaignId, variant, linkId: facts.linkId, at: facts.at });
    });
  }
  deltas.push(...deltasOf([], [], [...linkFirsts.values()]));
  let afterDelivery = 0;
  for (;;) {
    const rows: Array<Record<string, unknown>> = await trx(TABLES.deliveries)
      .select('id', 'variant', 'email', ...FIRST_COLUMNS)
      .modify((q) => whereInIdWalk(q, trx, 'campaign_id', campaignId))
      .where('id', '>', afterDelivery)
      .where((q) => FIRST_COLUMNS.forEach((column) => q.orWhereNotNull(column)))
      .orderBy('id')
      .limit(PAGE);
    if (!rows.length) break;
    afterDelivery = Number(rows[rows.length - 1].id);
    const firsts = rows.flatMap((row) =>
      FIRST_COLUMNS.flatMap((column): Array<CountedFirst & { domain: string }> =>
        row[column] == null
          ? []
          : [
              {
                campaignId,
                variant: String(row.variant ?? ''),
                domain: domainOf(String(row.email ?? '')),
                column,
                at: Number(row[column]),
                ...(column === 'first_open_at' ? { agent: readers.get(Number(row.id)) } : {}),
              },
            ]
      )
    );
    deltas.push(...deltasOf([], firsts));
    domainDeltas.push(...domainDeltasOf([], firsts));
  }
  // Pages may repeat a counter and hour: one row each.
  const merged = mergeDeltas(deltas);
  await addRollups(trx, merged);
  await addDomainRollups(trx, sumDomainDeltas(domainDeltas));
  return { campaignId, counters: new Set(merged.map((d) => d.metric)).size };
};

/**
 * Recomputes the counters of these campaigns (or of every campaign with deliveries) from the raw
 * events, one transaction per campaign. What the live counters would have if every batch had
 * counted right: they must agree, and a test checks that they do. Events the retention setting
 * deleted are no longer there to count: the rebuilt counters then lack them.
 */
export const rebuildRollups = async (knex: Knex, campaignIds?: readonly number[]) => {
  const ids =
    campaignIds ??
    ((await knex(TABLES.deliveries).distinct('campaign_id').orderBy('campaign_id')) as Array<{ campaign_id: unknown }>).map((r) =>
      Number(r.campaign_id)
    );
  const rebuilt: Array<{ campaignId: number; counters: number }> = [];
  for (const campaignId of ids) rebuilt.push(await knex.transaction((trx) => rebuildCampaign(trx, campaignId)));
  return rebuilt;
};
