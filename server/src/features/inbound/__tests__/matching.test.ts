import { verpAddress } from '../../../mail/verp';
import { replyAddressOf } from '../../replies/reading/reply-address';
import { concernsOurMail, matchRecipients, type Deliveries, type MatchedDelivery, type MatchKeys, type VerpKey } from '../matching';
import type { InboundNotice, NoticeRecipient } from '../notice';

const verp: VerpKey = { secret: 'a-secret-of-enough-length-0123456789', bounceAddress: 'bounces@news.example.com' };

const delivery = (id: number, email: string): MatchedDelivery => ({
  id,
  campaignId: 1,
  contactId: 100 + id,
  email,
  state: 'sent',
  variant: '',
});
const ours = delivery(7, 'ann@example.org');
const older = delivery(3, 'bob@example.org');
const deliveries: Deliveries = {
  byId: new Map([
    [7, ours],
    [3, older],
  ]),
  byMessageId: new Map([['<7.abc@news.example.com>', ours]]),
  latestByEmail: new Map([['bob@example.org', older]]),
};

const recipient = (email: string): NoticeRecipient => ({
  email,
  bounceType: 'hard',
  reason: 'userunknown',
  status: '5.1.1',
  diagnostic: null,
});
const notice = (over: Partial<InboundNotice>): InboundNotice => ({
  source: 'mailbox',
  origin: 'imap:bounces',
  reference: '<dsn-1@mx.example.net>',
  kind: 'bounce',
  at: 0,
  recipients: [],
  feedbackType: null,
  match: {},
  raw: null,
  ...over,
});

const keys = (key: VerpKey | null = verp): MatchKeys => ({ verp: key, messageIdDomain: 'news.example.com' });
const matched = (n: InboundNotice, key: VerpKey | null = verp) =>
  matchRecipients(n, deliveries, keys(key)).map((m) => [m.recipient?.email ?? null, m.delivery?.id ?? null, m.matchedBy]);

test('a delivery id given by the source wins over every other clue', () => {
  const n = notice({
    recipients: [recipient('ann@example.org')],
    match: {
      deliveryId: 7,
      envelopeRecipients: [verpAddress(verp.secret, verp.bounceAddress, 3)],
      messageIds: ['<7.abc@news.example.com>'],
    },
  });
  expect(matched(n)).toEqual([['ann@example.org', 7, 'delivery']]);
});

test('a VERP address names its delivery when its MAC holds, before any Message-ID', () => {
  const n = notice({
    recipients: [recipient('ann@example.org')],
    match: { envelopeRecipients: ['someone@else.test', verpAddress(verp.secret, verp.bounceAddress, 7)], messageIds: ['<unknown@x>'] },
  });
  expect(matched(n)).toEqual([['ann@example.org', 7, 'verp']]);
});

test('a forged VERP address (wrong MAC) matches nothing by VERP; the recipient never mailed stays unmatched', () => {
  const forged = verpAddress('another-secret-of-enough-length-000', verp.bounceAddress, 7);
  const n = notice({ recipients: [recipient('victim@example.org')], match: { envelopeRecipients: [forged] } });
  expect(matched(n)).toEqual([['victim@example.org', null, null]]);
});

test('without a signing secret no VERP address is trusted', () => {
  const n = notice({
    recipients: [recipient('ann@example.org')],
    match: { envelopeRecipients: [verpAddress(verp.secret, verp.bounceAddress, 7)] },
  });
  expect(matched(n, null)).toEqual([['ann@example.org', null, null]]);
});

test('a Message-ID of ours finds the delivery; a recipient alone finds the latest delivery to that address', () => {
  expect(
    matched(notice({ recipients: [recipient('ann@example.org')], match: { messageIds: ['<x@y>', '<7.abc@news.example.com>'] } }))
  ).toEqual([['ann@example.org', 7, 'message-id']]);
  expect(matched(notice({ recipients: [recipient('bob@example.org')] }))).toEqual([['bob@example.org', 3, 'recipient']]);
});

test('a forwarded message: the named delivery goes to the stated recipient, whose address differs', () => {
  const n = notice({ recipients: [recipient('ann.forwarded@elsewhere.test')], match: { messageIds: ['<7.abc@news.example.com>'] } });
  const [m] = matchRecipients(n, deliveries, keys());
  expect(m).toMatchObject({ delivery: { id: 7, email: 'ann@example.org' }, matchedBy: 'message-id' });
});

test("a mail quoting only someone else's Message-IDs is about their message: its recipients are not looked up by address", () => {
  const report = notice({
    kind: 'complaint',
    recipients: [recipient('bob@example.org')],
    match: { messageIds: ['<c-77@other-sender.test>'] },
  });
  expect(matched(report)).toEqual([['bob@example.org', null, null]]);
  // One quoted id of ours (a test send, say) is enough to look the address up; so is quoting none.
  expect(matched({ ...report, match: { messageIds: ['<c-77@other-sender.test>', '<test.1@NEWS.example.com>'] } })).toEqual([
    ['bob@example.org', 3, 'recipient'],
  ]);
  expect(matched({ ...report, match: {} })).toEqual([['bob@example.org', 3, 'recipient']]);
  // An ESP's webhook may carry the ESP's own message id.
  expect(matched({ ...report, source: 'webhook' })).toEqual([['bob@example.org', 3, 'recipient']]);
  // An unsubscribe request comes from the address itself, whatever it quotes.
  expect(matched({ ...report, kind: 'unsubscribe-request' })).toEqual([['bob@example.org', 3, 'recipient']]);
});

test('several recipients: the named delivery goes to its own address, the others are matched by theirs', () => {
  const n = notice({
    recipients: [recipient('bob@example.org'), recipient('ann@example.org'), recipient('nobody@example.org')],
    match: { messageIds: ['<7.abc@news.example.com>'] },
  });
  expect(matched(n)).toEqual([
    ['bob@example.org', 3, 'recipient'],
    ['ann@example.org', 7, 'message-id'],
    ['nobody@example.org', null, null],
  ]);
});

test('a complaint whose recipient is redacted is one outcome, found through the Message-ID or not at all', () => {
  expect(matched(notice({ kind: 'complaint', match: { messageIds: ['<7.abc@news.example.com>'] } }))).toEqual([[null, 7, 'message-id']]);
  expect(matched(notice({ kind: 'complaint', match: { messageIds: ['<theirs@other.example>'] } }))).toEqual([[null, null, null]]);
});

describe('the signed reply address', () => {
  const replyKey = { secret: verp.secret, replyAddress: 'replies@news.example.com' };
  const withReply: MatchKeys = { ...keys(), replyAddress: replyKey };
  const reply = (match: InboundNotice['match']) =>
    notice({
      kind: 'reply',
      reference: '<r-1@mail.example.org>',
      recipients: [{ ...recipient('bob@example.org'), bounceType: null }],
      match,
    });
  const of = (n: InboundNotice, k: MatchKeys) => matchRecipients(n, deliveries, k).map((m) => [m.delivery?.id ?? null, m.matchedBy]);

  test('names its delivery after a VERP address and before a quoted Message-ID', () => {
    const to = replyAddressOf(replyKey.secret, replyKey.replyAddress, 3);
    expect(of(reply({ envelopeRecipients: [to], messageIds: ['<7.abc@news.example.com>'] }), withReply)).toEqual([[3, 'reply-address']]);
    expect(of(reply({ envelopeRecipients: [to, verpAddress(verp.secret, verp.bounceAddress, 7)] }), withReply)).toEqual([[7, 'verp']]);
  });

  test('a forged MAC, or a site without the option, names nothing: the sender’s address is what is left', () => {
    const forged = replyAddressOf('another-secret-of-enough-length-0000', replyKey.replyAddress, 7);
    expect(of(reply({ envelopeRecipients: [forged] }), withReply)).toEqual([[3, 'recipient']]);
    expect(of(reply({ envelopeRecipients: [replyAddressOf(replyKey.secret, replyKey.replyAddress, 7)] }), keys())).toEqual([
      [3, 'recipient'],
    ]);
  });
});

test('a mail concerns our mail when it found a delivery, or when it is a report quoting one of our Message-IDs', () => {
  const stranger = notice({ kind: 'reply', recipients: [{ ...recipient('nobody@example.net'), bounceType: null }] });
  expect(concernsOurMail(stranger, matchRecipients(stranger, deliveries, keys()), keys())).toBe(false);
  const known = notice({ kind: 'reply', recipients: [{ ...recipient('bob@example.org'), bounceType: null }] });
  expect(concernsOurMail(known, matchRecipients(known, deliveries, keys()), keys())).toBe(true);
  const report = notice({ recipients: [recipient('nobody@example.net')], match: { messageIds: ['<9.zzz@news.example.com>'] } });
  expect(concernsOurMail(report, matchRecipients(report, deliveries, keys()), keys())).toBe(true);
  const foreignReport = notice({ recipients: [recipient('nobody@example.net')], match: { messageIds: ['<1@elsewhere.example>'] } });
  expect(concernsOurMail(foreignReport, matchRecipients(foreignReport, deliveries, keys()), keys())).toBe(false);
});
