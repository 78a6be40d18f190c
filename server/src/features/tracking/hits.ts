import type { DeliveryEvent, EventSource } from '../../events/delivery-event';
import { classifyUserAgent, clickVerdict, openVerdict, SCANNER_WINDOW_MS } from './bots';
import type { CachedLink } from './link-cache';
import type { TrackedDelivery } from './lookups';
import { readerAgentOf, type ReaderAgent } from './reader-agent';

/** Who fetched a tracking URL, as the request said. */
export interface ClientDetails {
  userAgent: string | undefined;
  ip: string | undefined;
}

/**
 * What a public endpoint observed, before its delivery is read: the request only verified the
 * token. The tracking buffer gathers these and the flush turns them into delivery events.
 */
export type TrackedHit =
  | { type: 'open'; deliveryId: number; at: number; client: ClientDetails }
  | { type: 'click'; deliveryId: number; linkId: number; at: number; client: ClientDetails }
  | { type: 'unsubscribe'; deliveryId: number; at: number; source?: EventSource };

/** What the flush read for a batch of hits. */
export interface HitFacts {
  deliveries: ReadonlyMap<number, TrackedDelivery>;
  /** The first stored open of each clicked delivery (any kind). */
  firstOpens: ReadonlyMap<number, number>;
  /** The stored clicks of each clicked delivery since SCANNER_WINDOW_MS before the batch's first. */
  clicks: ReadonlyMap<number, ReadonlyArray<{ linkId: number; at: number }>>;
  /** The clicked links, with their campaign. */
  links: ReadonlyMap<number, CachedLink | null>;
  /** How many links each of their campaigns has. */
  linkCounts: ReadonlyMap<number, number>;
  storeClientDetails: boolean;
}

type Engagement = Extract<DeliveryEvent, { type: 'open' | 'click' }>;

/**
 * An open's or click's reader client and device, and its user agent and IP when the site keeps
 * them. Assigned, not spread: every tracked event passes here, and the spreads' objects were a
 * share of the flush's garbage.
 */
const withDetails = <E extends Engagement>(
  event: E,
  agent: ReaderAgent | null,
  client: ClientDetails,
  { storeClientDetails }: Pick<HitFacts, 'storeClientDetails'>
): E => {
  if (agent) {
    event.mailClient = agent.mailClient;
    event.device = agent.device;
  }
  if (storeClientDetails) {
    if (client.userAgent) event.userAgent = client.userAgent;
    if (client.ip) event.ip = client.ip;
  }
  return event;
};

/**
 * The delivery events of a batch of hits, in time order, each open and click with its verdict
 * (bots.ts) over what was stored and what came earlier in the batch. A hit whose delivery is gone
 * records nothing, and so does a click whose link is not of its delivery's campaign (the token is
 * ours, so only a link deleted since, or a campaign's links changed since, gets there).
 */
export const eventsOfHits = (hits: readonly TrackedHit[], facts: HitFacts): DeliveryEvent[] => {
  const firstOpens = new Map(facts.firstOpens);
  const clicks = new Map<number, Array<{ linkId: number; at: number }>>();
  const events: DeliveryEvent[] = [];
  for (const hit of [...hits].sort((a, b) => a.at - b.at)) {
    const found = facts.deliveries.get(hit.deliveryId);
    if (!found) continue;
    const { sentAt } = found;
    const delivery = { id: found.id, campaignId: found.campaignId, contactId: found.contactId };
    if (hit.type === 'unsubscribe') {
      events.push({ type: 'unsubscribe', source: hit.source ?? 'tracking', delivery, at: hit.at });
      continue;
    }
    const client = classifyUserAgent(hit.client.userAgent);
    const agent = readerAgentOf(hit.client.userAgent, client);
    if (hit.type === 'open') {
      const verdict = openVerdict(client, hit.at, sentAt);
      events.push(
        withDetails(
          { type: 'open', source: 'tracking', delivery, at: hit.at, client, isBot: verdict !== 'human', verdict },
          agent,
          hit.client,
          facts
        )
      );
      if (!firstOpens.has(delivery.id) || firstOpens.get(delivery.id)! > hit.at) firstOpens.set(delivery.id, hit.at);
      continue;
    }
    const link = facts.links.get(hit.linkId);
    if (!link || link.campaignId !== delivery.campaignId) continue;
    const earlier = clicks.get(delivery.id) ?? [...(facts.clicks.get(delivery.id) ?? [])];
    clicks.set(delivery.id, earlier);
    const verdict = clickVerdict(client, hit.at, hit.linkId, {
      sentAt,
      firstOpenAt: firstOpens.get(delivery.id) ?? null,
      clicks: earlier,
      linkCount: facts.linkCounts.get(link.campaignId) ?? 0,
    });
    earlier.push({ linkId: hit.linkId, at: hit.at });
    events.push(
      withDetails(
        {
          type: 'click',
          source: 'tracking',
          delivery,
          at: hit.at,
          linkId: hit.linkId,
          client,
          isBot: verdict !== 'human',
          verdict,
        },
        agent,
        hit.client,
        facts
      )
    );
  }
  return events;
};

/** From when stored clicks matter to a batch's verdicts. */
export const clicksSince = (hits: readonly TrackedHit[]) =>
  Math.min(...hits.filter((hit) => hit.type === 'click').map((hit) => hit.at)) - SCANNER_WINDOW_MS;
