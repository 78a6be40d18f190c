import type { AddressObject, ParsedMail } from 'mailparser';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

const { strapi, api, auth, sink } = useGroupApp();

const mailboxes = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);
const headerLines = (raw: string) => raw.split('\r\n\r\n')[0].split('\r\n');

/** Sends the campaign through the whole pipeline and returns what the SMTP sink received, parsed. */
const sendAndReceive = async (documentId: string) => {
  const res = await api().post(`/campaigns/campaigns/${documentId}/send`).set(auth());
  expect(res.status).toBe(200);
  expect(await waitForProgress(strapi(), documentId, finished)).toMatchObject({ state: 'sent', failed: 0, unknown: 0 });
};

const receivedBy = async (email: string): Promise<{ raw: string; mail: ParsedMail }> => {
  const [received] = sink().to(email);
  return { raw: received.raw, mail: await sink().parse(received) };
};

test('a from name and a contact name holding addresses and commas are one phrase: exactly one mailbox in From, To and Reply-To', async () => {
  const fromName = 'Zoë <ceo@spoofed.example>, Team';
  const firstName = 'Zoë <other@spoofed.example>,';
  const campaign = await seedCampaign(
    strapi(),
    'Spoofing names',
    [
      { email: 'zoe@headers.test', firstName },
      { email: 'eve@headers.test', firstName: 'Eve <x@spoofed.example>, "Boss"' },
    ],
    { fromName }
  );
  await sendAndReceive(campaign.documentId);

  const zoe = await receivedBy('zoe@headers.test');
  expect(mailboxes(zoe.mail.from)).toEqual([{ name: fromName, address: 'news@example.com' }]);
  expect(mailboxes(zoe.mail.to)).toEqual([{ name: firstName, address: 'zoe@headers.test' }]);
  expect(mailboxes(zoe.mail.replyTo)).toEqual([{ name: '', address: 'hello@example.com' }]);
  const eve = await receivedBy('eve@headers.test');
  expect(mailboxes(eve.mail.to)).toEqual([{ name: 'Eve <x@spoofed.example>, "Boss"', address: 'eve@headers.test' }]);
  expect(headerLines(zoe.raw).join('\n')).not.toContain('spoofed.example');
});

test('the sender check compares the address: a configured address in the name does not pass', async () => {
  const res = await api()
    .post('/campaigns/campaigns')
    .set(auth())
    .send({
      data: {
        name: 'Spoofed sender',
        contentFormat: 'mjml',
        fromName: 'news@example.com <news@example.com>',
        fromEmail: 'ceo@spoofed.example',
      },
    });
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body)).toContain('is not a configured sender');
});

test('the longest subjects and names arrive folded: no header line over 78 octets but the unsubscribe URL, none over 998', async () => {
  const subject = 'Grüße aus dem Café '.repeat(53).slice(0, 997) + '!';
  const longWord = 'x'.repeat(998);
  const fromName = 'Ä'.repeat(200);
  const firstName = 'Lee, "Ann"'.repeat(20);
  // Merge tags can make a subject of any length: each contact carries its own.
  const campaign = await seedCampaign(
    strapi(),
    'Long headers',
    [
      { email: 'long@headers.test', firstName, attributes: { subject } },
      { email: 'word@headers.test', firstName: 'N'.repeat(200), attributes: { subject: longWord } },
    ],
    { subject: '{{ contact.attributes.subject }}', fromName }
  );
  await sendAndReceive(campaign.documentId);

  for (const [email, expectedSubject, name] of [
    ['long@headers.test', subject, firstName],
    ['word@headers.test', longWord, 'N'.repeat(200)],
  ]) {
    const { raw, mail } = await receivedBy(email);
    for (const line of headerLines(raw)) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
      if (Buffer.byteLength(line) > 78)
        expect(
          line
            .replace(/^[\w-]+:/, '')
            .trim()
            .split(' ')
        ).toHaveLength(1);
    }
    expect(mail.subject).toBe(expectedSubject);
    expect(mailboxes(mail.from)).toEqual([{ name: fromName, address: 'news@example.com' }]);
    expect(mailboxes(mail.to)).toEqual([{ name, address: email }]);
  }
});
