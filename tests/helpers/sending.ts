import type { Core } from '@strapi/strapi';
import type { SendProgress } from '../../shared/contracts/sending';
import { getService } from '../../server/src/services/get-service';
import { EVENT_WAIT_MS } from './wait';

export const TEST_SIGNING_SECRET = 'integration-signing-secret-0123456789abcdef';
export const TEST_PUBLIC_URL = 'https://news.example.com';
/** Not the playground's sample: a test sees that templates read the configured one. */
export const TEST_POSTAL_ADDRESS = 'Northwind Coffee, 1 Quay Road, Bristol BS1 4QA, UK';

/** What every sending test boots with: a signing secret, a public URL and this file's SMTP sink. */
export const sendingEnv = (smtpPort: number, extra: Record<string, string> = {}) => ({
  SMTP_PORT: String(smtpPort),
  CAMPAIGNS_SIGNING_SECRET: TEST_SIGNING_SECRET,
  CAMPAIGNS_PUBLIC_URL: TEST_PUBLIC_URL,
  CAMPAIGNS_RATE: '1000',
  ...extra,
});

/** A small newsletter in MJML: merge tags, a conditional block, two tracked links and the unsubscribe link. */
export const NEWSLETTER = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hello {{ contact.firstName | default: "there" }},</mj-text>
        <mj-text>{% if contact.attributes.plan == "pro" %}Thanks for being a Pro member.{% else %}Try Pro today.{% endif %}</mj-text>
        <mj-button href="https://shop.example.com/autumn?utm=mail&amp;x=1">Shop the autumn blend</mj-button>
        <mj-text><a href="https://blog.example.com/brewing">Read the brewing guide</a> or <a href="{{ view_in_browser_url }}">view it online</a>.</mj-text>
        <mj-text font-size="11px"><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/** Contacts with these addresses, a segment of exactly them, and a ready campaign to it. */
export const seedCampaign = async (
  strapi: Core.Strapi,
  name: string,
  contacts: Array<{ email: string; firstName?: string; locale?: string; timezone?: string; attributes?: Record<string, unknown> }>,
  campaign: Record<string, unknown> = {}
) => {
  const tag = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  for (const contact of contacts) {
    await getService(strapi, 'contacts').create({ ...contact, attributes: { ...contact.attributes, batch: tag } });
  }
  const segment = await getService(strapi, 'segments').create({
    name: `Segment ${name}`,
    rules: { match: 'all', rules: [{ field: 'attribute', path: 'batch', operator: 'eq', value: tag }] },
  });
  return getService(strapi, 'campaigns').create({
    name,
    subject: 'Autumn news for {{ contact.firstName | default: "you" }}',
    preheader: 'Three things that changed',
    fromName: 'Northwind Coffee',
    fromEmail: 'news@example.com',
    replyTo: 'hello@example.com',
    contentFormat: 'mjml',
    content: NEWSLETTER,
    segment: segment.documentId,
    ...campaign,
  });
};

/** Polls the campaign's progress until `done` says so (or fails with the last progress seen). */
export const waitForProgress = async (
  strapi: Core.Strapi,
  documentId: string,
  done: (p: SendProgress) => boolean,
  timeoutMs = EVENT_WAIT_MS
) => {
  const deadline = Date.now() + timeoutMs;
  let last: SendProgress | undefined;
  while (Date.now() < deadline) {
    last = await getService(strapi, 'sending').progress(documentId);
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no campaign progress of the awaited kind after ${timeoutMs} ms; last progress: ${JSON.stringify(last)}`);
};

/**
 * Until the dispatch and send queues hold no job in any state that will still run: then nothing
 * more can go out on its own (only a resume queues jobs again). What "a paused or cancelled
 * campaign sends nothing more" waits for, instead of watching the clock for a while.
 */
export const waitForSendQueuesIdle = async (strapi: Core.Strapi, timeoutMs = EVENT_WAIT_MS) => {
  const deadline = Date.now() + timeoutMs;
  const queues = getService(strapi, 'queues');
  let counts: Record<string, Record<string, number>> = {};
  while (Date.now() < deadline) {
    counts = {};
    for (const key of ['dispatch', 'send'] as const) {
      counts[key] = await queues.queue(key).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    }
    if (Object.values(counts).every((byState) => Object.values(byState).every((n) => n === 0))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the dispatch and send queues still hold jobs after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
};

export const finished = (p: SendProgress) => p.state !== 'sending' && !p.dispatching && p.queued === 0 && p.sending === 0;
