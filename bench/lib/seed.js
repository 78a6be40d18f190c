'use strict';

/** Rows written straight into the plugin's tables, for benchmarks that need many of them fast. */
const { createHash } = require('node:crypto');

/** knex on SQLite refuses more than 500 rows in one INSERT. */
const INSERT_ROWS = 500;

/** The hex SHA-256 the plugin keeps beside an address or a URL, to find it by. */
const sha256Hex = (text) => createHash('sha256').update(text).digest('hex');

/**
 * `count` subscribed contacts, inserted in that order (so their ids follow n): contact n has the
 * address emailOf(n), the time zone timezoneOf(n) (none by default) and the documentId `${tag}` + n
 * in base 36, padded to Strapi's 24 characters.
 */
const insertContacts = async (trx, count, { tag, emailOf, timezoneOf = () => null }) => {
  const now = new Date();
  for (let at = 0; at < count; at += INSERT_ROWS) {
    const rows = [];
    for (let i = at; i < Math.min(at + INSERT_ROWS, count); i += 1) {
      const email = emailOf(i);
      rows.push({
        document_id: `${tag}${i.toString(36).padStart(24 - tag.length, '0')}`,
        email,
        email_hash: sha256Hex(email),
        state: 'subscribed',
        timezone: timezoneOf(i),
        created_at: now,
        updated_at: now,
        published_at: now,
      });
    }
    await trx('campaigns_contacts').insert(rows);
  }
};

/** `count` links of a campaign's message, https://example.com/0 onwards, in that order. */
const insertLinks = (trx, campaignId, count, at) =>
  trx('campaigns_links').insert(
    Array.from({ length: count }, (_, i) => ({
      campaign_id: campaignId,
      variant: '',
      url_hash: sha256Hex(`https://example.com/${i}`),
      url: `https://example.com/${i}`,
      position: i,
      created_at: at,
    }))
  );

/**
 * `campaigns` sent campaigns named `${name}-<c>` to the same `contacts` new contacts, a sent
 * delivery of each to each (campaign-major ids): contact n has emailOf(n), its delivery of campaign
 * c the Message-ID messageIdOf(c, n) and the time sentAtOf(c).
 */
const seedSentCampaigns = async (strapi, { name, campaigns, contacts, tag, emailOf, messageIdOf, sentAtOf }) => {
  const knex = strapi.db.connection;
  const campaignIds = [];
  for (let c = 0; c < campaigns; c += 1) {
    const campaign = await strapi.db
      .query('plugin::campaigns.campaign')
      .create({ data: { name: `${name}-${c}`, subject: 'Bench', state: 'sent' } });
    campaignIds.push(campaign.id);
  }
  await knex.transaction(async (trx) => {
    await insertContacts(trx, contacts, { tag, emailOf });
    const ids = (await trx('campaigns_contacts').select('id').orderBy('id')).map((r) => Number(r.id));
    for (let c = 0; c < campaigns; c += 1) {
      const sentAt = sentAtOf(c);
      for (let at = 0; at < ids.length; at += INSERT_ROWS) {
        await trx('campaigns_deliveries').insert(
          ids.slice(at, at + INSERT_ROWS).map((contactId, k) => ({
            campaign_id: campaignIds[c],
            contact_id: contactId,
            email: emailOf(at + k),
            state: 'sent',
            attempts: 1,
            message_id: messageIdOf(c, at + k),
            queued_at: sentAt,
            sent_at: sentAt,
            updated_at: sentAt,
          }))
        );
      }
    }
  });
  return campaignIds;
};

module.exports = { insertContacts, insertLinks, seedSentCampaigns, sha256Hex, INSERT_ROWS };
