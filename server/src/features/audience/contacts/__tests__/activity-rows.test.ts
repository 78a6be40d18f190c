import { epochToIso, replyToContactEvent, toContactDelivery, toContactEvent } from '../activity-rows';
import { decodeEventCursor, encodeEventCursor } from '../event-cursor';
import { contactActivityQuery } from '../activity-query';

const at = Date.UTC(2026, 10, 2, 9, 30);

test('epoch milliseconds from any driver become ISO strings', () => {
  expect(epochToIso(at)).toBe('2026-11-02T09:30:00.000Z');
  expect(epochToIso(String(at))).toBe('2026-11-02T09:30:00.000Z');
  expect(epochToIso(null)).toBeNull();
  expect(epochToIso('not a number')).toBeNull();
});

test('a delivery row keeps its campaign, or null when the campaign is gone', () => {
  const row = {
    id: '7',
    variant: 'b',
    state: 'sent',
    last_error: null,
    queued_at: at - 1000,
    sent_at: String(at),
    failed_at: null,
    first_open_at: at + 60_000,
    first_click_at: null,
    first_reply_at: null,
    campaign_document_id: 'camp1',
    campaign_name: 'November news',
  };
  expect(toContactDelivery(row)).toEqual({
    id: 7,
    campaign: { documentId: 'camp1', name: 'November news' },
    variant: 'b',
    state: 'sent',
    queuedAt: '2026-11-02T09:29:59.000Z',
    sentAt: '2026-11-02T09:30:00.000Z',
    failedAt: null,
    firstOpenAt: '2026-11-02T09:31:00.000Z',
    firstClickAt: null,
    firstReplyAt: null,
    lastError: null,
  });
  expect(toContactDelivery({ ...row, campaign_document_id: null, campaign_name: null }).campaign).toBeNull();
});

test('an event row parses its JSON data, keeps text that is not JSON and reads every boolean form', () => {
  const row = {
    id: 3,
    type: 'click',
    source: 'tracking',
    is_bot: 0,
    data: '{"linkId":5,"client":"browser"}',
    occurred_at: at,
    link_url: 'https://example.com',
    campaign_document_id: null,
    campaign_name: null,
  };
  expect(toContactEvent(row)).toEqual({
    id: 3,
    type: 'click',
    source: 'tracking',
    isBot: false,
    data: { linkId: 5, client: 'browser' },
    linkUrl: 'https://example.com',
    occurredAt: '2026-11-02T09:30:00.000Z',
    campaign: null,
    reply: null,
  });
  expect(toContactEvent({ ...row, data: 'plain <text>', is_bot: 1 })).toMatchObject({ data: 'plain <text>', isBot: true });
  expect(toContactEvent({ ...row, is_bot: true }).isBot).toBe(true);
});

test('a reply row is a timeline entry of type reply with its class and snippet', () => {
  const row = {
    id: '9',
    class: 'auto-reply',
    snippet: 'I am out until Monday',
    received_at: String(at),
    source: null,
    campaign_document_id: 'c1',
    campaign_name: 'Spring',
  };
  expect(replyToContactEvent(row)).toEqual({
    id: 9,
    type: 'reply',
    occurredAt: '2026-11-02T09:30:00.000Z',
    campaign: { documentId: 'c1', name: 'Spring' },
    source: 'mailbox',
    isBot: false,
    data: null,
    linkUrl: null,
    reply: { id: 9, class: 'auto-reply', snippet: 'I am out until Monday' },
  });
  expect(replyToContactEvent({ ...row, source: 'webhook' }).source).toBe('webhook');
});

test('event cursors round-trip and the query refuses forged ones', () => {
  expect(decodeEventCursor(encodeEventCursor({ at, id: 42, reply: false }))).toEqual({ at, id: 42, reply: false });
  expect(decodeEventCursor(encodeEventCursor({ at, id: 7, reply: true }))).toEqual({ at, id: 7, reply: true });
  expect(encodeEventCursor({ at, id: 7, reply: true })).toBe(`${at}_r7`);
  expect(decodeEventCursor('1; drop table')).toBeNull();
  expect(contactActivityQuery.parse({ eventsBefore: `${at}_42` }).eventsBefore).toEqual({ at, id: 42, reply: false });
  expect(contactActivityQuery.safeParse({ eventsBefore: 'x' }).success).toBe(false);
  expect(contactActivityQuery.safeParse({ eventsLimit: '500' }).success).toBe(false);
  expect(contactActivityQuery.safeParse({ sort: 'id' }).success).toBe(false);
});
