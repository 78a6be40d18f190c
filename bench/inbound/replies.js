'use strict';

/**
 * Replies read and matched at volume: the built playground booted on a scratch database (for the
 * plugin's tables), BENCH_DELIVERIES (1,000,000) sent deliveries with their Message-IDs seeded in
 * bulk, then BENCH_REPLIES (10,000) replies made from the reply fixtures (tests/fixtures/replies:
 * people, auto-replies, "remove me" mails), each with its own sender and ids: ~80% answer a
 * delivery's Message-ID (In-Reply-To/References, or the quoted headers of a forward), ~10% name no
 * Message-ID and come from a delivery's address, ~10% answer nothing of ours from an unknown
 * address. Each is classified, read (readReply) and matched as the inbound pipeline matches mail
 * (matching.ts: findDeliveries per batch, matchRecipients per reply), BENCH_BATCH replies a batch.
 *
 *   node bench/inbound/replies.js [sqlite|postgres|mysql]
 *
 * The classifier comes from the build like bench/inbound/classify.js; the reading and matching
 * are not in a published entry of the package, so they are compiled from the TypeScript source
 * (@swc/core, in memory). BENCH_RESULT=<file> writes the figures as JSON.
 * Prints `replies: <N> replies/s, matched <P>% (message-id <a>%, sender <b>%, unmatched <c>%)`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { bootPlaygroundOnRedis, ROOT } = require('../lib/boot');
const { loadClassifier, registerTypeScript } = require('../lib/classifier');
const { runMain, writeResult } = require('../lib/run');
const { seedSentCampaigns } = require('../lib/seed');

const client = process.argv[2] || 'sqlite';
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 1_000_000);
const REPLIES = Number(process.env.BENCH_REPLIES || 10_000);
const BATCH = Number(process.env.BENCH_BATCH || 500);
const CAMPAIGNS = 10;
const CONTACTS = Math.ceil(DELIVERIES / CAMPAIGNS);
const FIXTURES = path.join(ROOT, 'tests/fixtures/replies');
const DAY = 86_400_000;

const emailOf = (contact) => `reader${contact}@example${contact % 7}.test`;
const messageIdOf = (campaign, contact) => `<c${campaign}.r${contact}.bench@campaigns.test>`;

/** Contacts, CAMPAIGNS sent campaigns, a delivery of each to each contact, sent two days ago. */
const seed = (strapi) => {
  const sentAt = Date.now() - 2 * DAY;
  return seedSentCampaigns(strapi, {
    name: 'bench-replies',
    campaigns: CAMPAIGNS,
    contacts: CONTACTS,
    tag: 'brep',
    emailOf,
    messageIdOf,
    sentAtOf: (c) => sentAt + c * 60_000,
  });
};

/** The fixtures that answer one of our messages: every shape but the unrelated newsletter. */
const shapes = () =>
  fs
    .readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.eml') && name !== 'unrelated.eml')
    .sort()
    .map((name) => ({ name, source: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));

const OUR_ID = /<c1\.r\d+\.[a-z0-9]+@campaigns\.test>/g;

/**
 * The n-th reply: 8 in 10 answer a delivery's Message-ID, 1 in 10 names none and comes from a
 * delivery's address (the sender match), 1 in 10 answers a message of someone else's.
 */
const replyOf = (shape, n) => {
  const contact = (n * 7919) % CONTACTS;
  const campaign = n % CAMPAIGNS;
  const mode = n % 10 < 8 ? 'message-id' : n % 10 === 8 ? 'sender' : 'unmatched';
  let text = shape.source.replace(/^(Message-ID:\s*<)/im, `$1b${n}.`);
  const from = mode === 'unmatched' ? `stranger${n}@elsewhere.test` : emailOf(contact);
  text = text.replace(/^From:.*$/im, `From: Reader ${n} <${from}>`);
  if (mode === 'message-id') text = text.replace(OUR_ID, messageIdOf(campaign, contact));
  else if (mode === 'unmatched') text = text.replace(OUR_ID, `<m${n}@elsewhere.test>`);
  else text = text.replace(/^(In-Reply-To|References):.*\n/gim, '').replace(/^Message-ID: <c1\..*\n/gim, '');
  return { raw: Buffer.from(text, 'utf8'), mode };
};

const main = async () => {
  const { classify, from } = loadClassifier();
  registerTypeScript();
  const { readReply } = require(path.join(ROOT, 'server/src/features/replies/reading/index.ts'));
  const { findDeliveries, matchRecipients } = require(path.join(ROOT, 'server/src/features/inbound/matching.ts'));
  const keys = { verp: null, replyAddress: null, messageIdDomain: 'campaigns.test' };
  const templates = shapes();
  const replies = Array.from({ length: REPLIES }, (_, n) => replyOf(templates[n % templates.length], n));

  const app = await bootPlaygroundOnRedis(client, 'replies');
  const { strapi } = app;
  try {
    const seeding = process.hrtime.bigint();
    await seed(strapi);
    const seedSeconds = Number(process.hrtime.bigint() - seeding) / 1e9;
    const knex = strapi.db.connection;
    const byMethod = { 'message-id': 0, recipient: 0, unmatched: 0 };
    const planned = { 'message-id': 0, sender: 0, unmatched: 0 };
    const classes = {};
    let wrong = 0;
    const started = process.hrtime.bigint();
    for (let at = 0; at < replies.length; at += BATCH) {
      const batch = replies.slice(at, at + BATCH);
      const read = [];
      for (const reply of batch) {
        const classification = await classify(reply.raw);
        const reading = await readReply(reply.raw, classification);
        classes[reading.class] = (classes[reading.class] ?? 0) + 1;
        read.push({
          reply,
          notice: {
            kind: classification.kind,
            recipients: classification.recipients.map((email) => ({
              email,
              bounceType: null,
              reason: null,
              status: null,
              diagnostic: null,
            })),
            match: { envelopeRecipients: classification.envelopeRecipients, messageIds: classification.referencedMessageIds },
          },
        });
      }
      const now = Date.now();
      const deliveries = await findDeliveries(
        knex,
        read.map((r) => r.notice),
        keys,
        now
      );
      for (const { reply, notice } of read) {
        planned[reply.mode] += 1;
        const [match] = matchRecipients(notice, deliveries, keys);
        const method = match?.matchedBy ?? 'unmatched';
        byMethod[method] = (byMethod[method] ?? 0) + 1;
        if ((reply.mode === 'sender' ? 'recipient' : reply.mode) !== method) wrong += 1;
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = REPLIES / seconds;
    const share = (n) => ((100 * n) / REPLIES).toFixed(1);
    const matched = REPLIES - byMethod.unmatched;
    console.log(
      `replies ${client}: ${REPLIES} replies against ${DELIVERIES} deliveries (seeded in ${seedSeconds.toFixed(0)} s) in ${seconds.toFixed(1)} s; ` +
        `classes ${JSON.stringify(classes)}; ${wrong} matched otherwise than planned; classifier from ${path.relative(process.cwd(), from)}`
    );
    console.log(
      `replies: ${Math.round(rate)} replies/s, matched ${share(matched)}% ` +
        `(message-id ${share(byMethod['message-id'])}%, sender ${share(byMethod.recipient)}%, unmatched ${share(byMethod.unmatched)}%)`
    );
    writeResult({
      client,
      rate,
      seconds,
      replies: REPLIES,
      deliveries: DELIVERIES,
      matched: matched / REPLIES,
      byMethod,
      planned,
      classes,
      wrong,
    });
  } finally {
    await app.close();
  }
};

runMain(main);
