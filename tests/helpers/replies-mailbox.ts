import { rootOf } from '../../server/src/composition/accessor';
import { TABLES } from '../../server/src/constants';
import { useDovecot, type Dovecot } from './dovecot';
import { inboundEnv, type SentDelivery } from './inbound';
import { useGroupApp } from './integration-group';
import { finished, NEWSLETTER, waitForProgress } from './sending';
import type { SmtpSink } from './smtp-sink';
import { waitUntil } from './wait';

/** The Dovecot user the replies group's mailbox reads: the shared inbox people write to. */
export const REPLIES_ACCOUNT = 'app-replies';
/** The shared inbox's own address, which the signed reply addresses are made from. */
export const REPLY_ADDRESS = 'replies@example.com';
const LIMIT = 256 * 1024;

let groupDovecot: (() => Dovecot) | undefined;

/**
 * Starts the replies group's Dovecot before its app boots (the mailbox options need its port): call
 * it at the group file's top level, before integrationGroup, whose modules reach it through
 * useRepliesMailbox.
 */
export const useRepliesDovecot = () => {
  groupDovecot = useDovecot();
  return groupDovecot;
};

/** The replies group's configuration: the inbound one with a replies mailbox, the reply address and a short retry. */
export const repliesEnv = (sink: SmtpSink, dovecot: Dovecot) => ({
  ...inboundEnv(sink.port, {
    limits: { maxMessageBytes: LIMIT },
    mailboxes: [
      {
        name: 'replies',
        purpose: 'replies',
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        ...dovecot.user(REPLIES_ACCOUNT),
        after: 'flag',
        errorFolder: 'Rejected',
        // New mail reaches the app through IDLE: polling would wait an hour.
        pollSeconds: 3600,
      },
    ],
  }),
  CAMPAIGNS_REPLY_ADDRESS: REPLY_ADDRESS,
  // The owner's notification is tried again after this (then twice as long): a refusal costs a second.
  CAMPAIGNS_RETRY_DELAY_SECONDS: '0.5',
});

/** A delivery sendAsAdmin sent, with the Reply-To its message carried. */
export interface SentReplyTarget extends SentDelivery {
  replyTo: string;
}

export interface MailParts {
  from: string;
  fromName?: string;
  messageId: string;
  subject?: string;
  /** Where the mail was delivered (Delivered-To); the shared inbox's own address unless said. */
  deliveredTo?: string;
  inReplyTo?: string;
  references?: string;
  headers?: string[];
  body: string[];
}

/** A plain-text mail as a client writes it to the shared inbox. */
export const replyMail = (m: MailParts) =>
  [
    `Delivered-To: ${m.deliveredTo ?? REPLY_ADDRESS}`,
    `From: ${m.fromName ? `${m.fromName} <${m.from}>` : m.from}`,
    `To: Northwind Coffee <${m.deliveredTo ?? REPLY_ADDRESS}>`,
    `Subject: ${m.subject ?? 'Re: Autumn news'}`,
    // Now: return dates are read against the day a mail was written.
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${m.messageId}>`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    ...(m.headers ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...m.body,
    '',
  ].join('\r\n');

/**
 * What a module of the replies group works with, called at its top level: the group's app, its
 * Dovecot, and the module's own start as the group file had it (the editor's "tell the owner of
 * replies" toggle on, which the reset between modules turns off, and the `campaigns.reply` events
 * heard from then on).
 */
export const useRepliesMailbox = () => {
  const group = useGroupApp();
  const { strapi, api, auth, service, sink } = group;
  const dovecot = () => {
    if (!groupDovecot) throw new Error('the replies group starts its Dovecot with useRepliesDovecot() before integrationGroup');
    return groupDovecot();
  };
  const knex = () => strapi().db.connection;

  // The editor's toggle on the Settings page (the plugin option `replies.notifyOwner` is left off here).
  beforeAll(async () => {
    const settings = await api().get('/campaigns/settings/site').set(auth()).expect(200);
    await api()
      .put('/campaigns/settings/site')
      .set(auth())
      .send({ data: { ...settings.body.data, replies: { notifyOwner: true } } })
      .expect(200);
  });
  const heard: Array<Record<string, unknown>> = [];
  const hear = async (payload: Record<string, unknown>) => {
    heard.push(payload);
  };
  beforeAll(() => {
    strapi().eventHub.on('campaigns.reply', hear);
  });
  afterAll(() => {
    strapi().eventHub.off('campaigns.reply', hear);
  });

  /** The `campaigns.reply` events announced so far (they go out after the row is stored). */
  const heardReplies = async () => {
    await rootOf(strapi()).announce.settled();
    return [...heard];
  };

  /** Contacts, a segment of them and a campaign created by the super admin through the admin API, sent to the sink. */
  const sendAsAdmin = async (name: string, emails: string[], campaign: Record<string, unknown> = {}) => {
    const tag = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    for (const email of emails) await service('contacts').create({ email, attributes: { batch: tag } });
    const segment = await service('segments').create({
      name: `Segment ${name}`,
      rules: { match: 'all', rules: [{ field: 'attribute', path: 'batch', operator: 'eq', value: tag }] },
    });
    const created = await api()
      .post('/campaigns/campaigns')
      .set(auth())
      .send({
        data: {
          name,
          subject: 'Autumn news',
          fromName: 'Northwind Coffee',
          fromEmail: 'news@example.com',
          contentFormat: 'mjml',
          content: NEWSLETTER,
          segment: segment.documentId,
          ...campaign,
        },
      });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    await service('sending').sendNow(documentId);
    await waitForProgress(strapi(), documentId, finished);
    const rows = await knex()(TABLES.deliveries).whereIn('email', emails);
    const sent: Record<string, SentReplyTarget> = {};
    for (const row of rows) {
      const [message] = sink().to(row.email);
      const parsed = await sink().parse(message);
      sent[row.email] = {
        id: Number(row.id),
        campaignId: Number(row.campaign_id),
        contactId: Number(row.contact_id),
        email: row.email,
        messageId: row.message_id,
        verp: message.mailFrom,
        replyTo: parsed.replyTo?.value[0]?.address ?? '',
      };
    }
    return { documentId, sent };
  };

  const checkpoint = async () => Number((await knex()(TABLES.mailboxCheckpoints).where({ mailbox: 'replies' }).first())?.last_uid ?? 0);

  return {
    ...group,
    dovecot,
    knex,
    heardReplies,
    sendAsAdmin,
    /** Delivers a mail into the shared inbox; answers its UID. */
    append: (raw: string) => dovecot().append(REPLIES_ACCOUNT, 'INBOX', raw),
    readUpTo: (uid: number) => waitUntil(async () => (await checkpoint()) >= uid, `the replies mailbox to be read up to UID ${uid}`),
    repliesTo: (deliveryIds: number[]) => knex()(TABLES.replies).whereIn('delivery_id', deliveryIds).orderBy('id'),
    noticesOf: (deliveryIds: number[]) => knex()(TABLES.inboundNotices).whereIn('delivery_id', deliveryIds),
  };
};
