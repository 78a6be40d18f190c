import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { compileContent } from '../../server/src/content/compile';
import { sendingIdentity } from '../../server/src/mail/identity';
import { composeMessage } from '../../server/src/features/sending/compose';
import { templateCampaignOf, type CampaignRow } from '../../server/src/features/sending/prepared-campaign';
import { trackingUrls } from '../../server/src/features/tracking/urls';

/**
 * The hidden preheader once scored 1.0 on its own in SpamAssassin (FONT_INVIS_MSGID, from
 * font-size:1px): the message composed the way a send worker does must hit no rule about it.
 */
const SPAMASSASSIN = '/usr/bin/spamassassin';
const available = fs.existsSync(SPAMASSASSIN);
if (!available && process.env.CI) {
  throw new Error(`${SPAMASSASSIN} is not installed: scripts/test.sh installs it (apt_install spamassassin)`);
}
if (!available) {
  // A bare `npx jest` on a machine without it skips; CI never does (above).
  console.warn(`${SPAMASSASSIN} is not installed: the preheader's SpamAssassin check is skipped (apt-get install spamassassin)`);
}

const CONTENT = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Hello {{ contact.firstName }}, our autumn roasts are in. Read about them <a href="https://shop.example.com/autumn">in the shop</a>.</mj-text>
  <mj-text font-size="12px"><a href="{{ unsubscribe_url }}">Unsubscribe</a> · {{ postal_address }}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

const row: CampaignRow = {
  id: 1,
  documentId: 'doc1',
  name: 'Autumn',
  subject: 'Autumn roasts are here',
  preheader: 'Three new coffees, and a tasting on Saturday',
  fromName: 'Northwind Coffee',
  fromEmail: 'news@example.com',
  replyTo: null,
  content: CONTENT,
  plainText: null,
  state: 'sending',
  updatedAt: '2026-12-04T00:00:00.000Z',
};

const composed = async (preheader: string | null) => {
  const secret = 'x'.repeat(32);
  const publicUrl = 'https://news.example.com';
  const config = {
    publicUrl,
    sending: { senders: [], feedbackId: 'campaigns', postalAddress: '12 Harbour Street, Portland, ME 04101, USA' },
  } as never;
  const campaign = { ...row, preheader };
  const prepared = {
    row: campaign,
    variant: '',
    content: await compileContent(campaign),
    linkIds: {},
    templateCampaign: templateCampaignOf(campaign),
  };
  const contact = { email: 'ann@example.org', firstName: 'Ann', lastName: 'Lee', locale: null, timezone: null, attributes: {} };
  const message = composeMessage(
    { secret, identity: sendingIdentity(config), urls: trackingUrls(publicUrl, secret) },
    prepared,
    { deliveryId: 7, email: contact.email, contact },
    { eightBit: false }
  );
  return Buffer.isBuffer(message.raw) ? message.raw : Buffer.from(message.raw as string);
};

/** Local rules only (-L), report mode (-t): the score and the names of the rules hit. */
const spamReport = (raw: Buffer) =>
  new Promise<{ score: number; rules: string[] }>((resolve, reject) => {
    const child = execFile(SPAMASSASSIN, ['-L', '-t'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      // spamassassin -t exits 1 when it judges the message spam: the report is what matters.
      const status = /^X-Spam-Status: \w+, score=(-?[\d.]+) .*?tests=([\s\S]*?)autolearn=/m.exec(stdout);
      if (!status) return reject(error ?? new Error(`no X-Spam-Status in spamassassin's output:\n${stdout.slice(0, 2000)}`));
      resolve({ score: Number(status[1]), rules: status[2].split(/[\s,]+/).filter((r) => r && r !== 'none') });
    });
    child.stdin!.end(raw);
  });

(available ? test : test.skip)(
  'the hidden preheader adds no SpamAssassin rule and no score',
  async () => {
    const [without, withPreheader] = await Promise.all([spamReport(await composed(null)), spamReport(await composed(row.preheader))]);
    expect(withPreheader.rules).not.toContain('FONT_INVIS_MSGID');
    expect(withPreheader.rules).toEqual(without.rules);
    expect(withPreheader.score).toBe(without.score);
  },
  120_000
);
