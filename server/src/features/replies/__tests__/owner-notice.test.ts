import { simpleParser } from 'mailparser';
import { ownerNoticeMessage } from '../owner-notice';
import type { NotifiedReply } from '../reply-store';

const identity = {
  bounceAddress: 'bounces@example.com',
  replyAddress: null,
  unsubscribeMailto: 'unsubscribe@example.com',
  messageIdDomain: 'example.com',
  feedbackId: 'campaigns',
  postalAddress: null,
};
const reply: NotifiedReply = {
  id: 42,
  campaignId: 7,
  class: 'human',
  fromAddress: 'ann@example.org',
  fromName: 'Ann\r\nBcc: victim@example.net',
  subject: 'Re: Autumn <news>',
  text: 'Two bags, please. <script>alert(1)</script>',
};
const campaign = { name: 'Autumn news', fromEmail: 'news@example.com', owner: { email: 'ada@example.com', name: 'Ada Lovelace' } };

test("the owner's notification goes from the campaign's sender to its owner, answers the writer, and says what they wrote", async () => {
  const message = ownerNoticeMessage(reply, campaign, identity, false);
  expect(message.envelope).toEqual({ from: 'bounces@example.com', to: 'ada@example.com' });
  const parsed = await simpleParser(message.raw);
  expect(parsed.from?.value[0].address).toBe('news@example.com');
  expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0].address : null).toBe('ada@example.com');
  expect(parsed.replyTo?.value[0].address).toBe('ann@example.org');
  expect(parsed.subject).toBe('Reply to "Autumn news" from ann@example.org');
  expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  expect(parsed.text).toContain('Two bags, please. <script>alert(1)</script>');
  // The writer's words are text in the HTML part, never markup.
  expect(parsed.html).toContain('&#60;script&#62;');
  expect(parsed.html).not.toContain('<script>');
});

test("a writer's name cannot add a header, and an erased writer is named as such", async () => {
  const parsed = await simpleParser(ownerNoticeMessage(reply, campaign, identity, false).raw);
  expect(parsed.headers.has('bcc')).toBe(false);
  const erased = await simpleParser(ownerNoticeMessage({ ...reply, fromAddress: '', fromName: null }, campaign, identity, false).raw);
  expect(erased.subject).toBe('Reply to "Autumn news" from an erased contact');
  expect(erased.replyTo).toBeUndefined();
});
