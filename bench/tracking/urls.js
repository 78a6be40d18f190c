'use strict';

/**
 * The tracking URLs of a sent campaign, signed as the plugin signs them
 * (server/src/features/tracking/tokens.ts): the format is a contract with every message already
 * sent, so the bench spells it out rather than reaching into the build. Shared by the server side
 * (the bare server's check) and the load generator, which builds its own list: 200,000 URLs sent
 * over IPC would leave the server process a heap of garbage to collect during the measurement.
 */
const { createHmac, timingSafeEqual } = require('node:crypto');

const LINKS = 5;
const SECRET = 'bench-tracking-signing-secret-0123456789abcdef';

const keyOf = (purpose) => createHmac('sha256', SECRET).update(`campaigns-token-v1:${purpose}`).digest();
const KEYS = { open: keyOf('open'), click: keyOf('click') };
const macOf = (purpose, body) => createHmac('sha256', KEYS[purpose]).update(body).digest().subarray(0, 16);
const tokenOf = (purpose, ids) => {
  const body = ids.map((id) => id.toString(36)).join('.');
  return `${body}.${macOf(purpose, body).toString('base64url')}`;
};

/** The plugin's check, minus its format details: the ids, and the MAC compared in constant time. */
const verify = (purpose, token) => {
  const dot = token.lastIndexOf('.');
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  if (dot < 1 || given.length !== 16 || !timingSafeEqual(given, macOf(purpose, token.slice(0, dot)))) return null;
  return token
    .slice(0, dot)
    .split('.')
    .map((id) => parseInt(id, 36));
};

/**
 * The deliveries in the order their readers come to them: not the order they were sent (which
 * would crowd each write into a few pages of the table), shuffled the same way on every run.
 */
const readingOrder = (deliveryIds) => {
  const order = [...deliveryIds];
  let seed = 0x9e3779b9;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
};

/**
 * Half opens, half clicks, every URL distinct: a delivery's open beside its click on link n mod 5.
 * Only these pairs: the bare server, faster, gets further down the list, and a tail of clicks alone
 * would give it more redirects (no body) than pixels, a cheaper mix than Strapi's. The load
 * generator goes round the list again when it ends (the bare server only: the run warns when
 * Strapi's requests outnumber the URLs).
 */
const urlsOf = (base, deliveryIds, linkIds) =>
  readingOrder(deliveryIds).flatMap((id, n) => [
    `${base}/o/${tokenOf('open', [id])}`,
    `${base}/c/${tokenOf('click', [id, linkIds[n % LINKS]])}`,
  ]);

module.exports = { LINKS, SECRET, urlsOf, verify };
