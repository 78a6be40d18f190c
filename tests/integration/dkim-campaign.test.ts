import { generateKeyPairSync } from 'node:crypto';
import { useAdminApp } from '../helpers/admin-app';
import { finished, seedCampaign, sendingEnv, waitForProgress } from '../helpers/sending';
import { useSmtpSink } from '../helpers/smtp-sink';

type DkimResult = { status: { result: string }; signingDomain: string; signingHeaders: { keys: string } };
// mailauth's main entry does not load on Node 20; its DKIM verifier does.
const { dkimVerify } = require('mailauth/lib/dkim/verify') as {
  dkimVerify(
    message: string,
    options: { resolver: (name: string, type: string) => Promise<string[][]> }
  ): Promise<{ results: DkimResult[] }>;
};

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const resolver = async (name: string, type: string) => {
  if (name === 'news2026._domainkey.example.com' && type === 'TXT')
    return [[`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
};

const sink = useSmtpSink();
const { strapi, api, auth } = useAdminApp({
  env: () =>
    sendingEnv(sink().port, {
      CAMPAIGNS_DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      CAMPAIGNS_DKIM_DOMAIN: 'example.com',
      CAMPAIGNS_DKIM_SELECTOR: 'news2026',
    }),
});

test('a signed campaign passes DKIM with every bulk header covered, and its accented bodies travel 7-bit', async () => {
  const campaign = await seedCampaign(strapi(), 'Signed', [{ email: 'zoe@dkim.test', firstName: 'Zoë' }], {
    subject: 'Grüße an {{ contact.firstName }}',
  });
  const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(res.status).toBe(200);
  expect(await waitForProgress(strapi(), campaign.documentId, finished)).toMatchObject({ state: 'sent', sent: 1 });

  const [received] = sink().to('zoe@dkim.test');
  const [result] = (await dkimVerify(received.raw, { resolver })).results;
  expect([result.status.result, result.signingDomain]).toEqual(['pass', 'example.com']);
  const signed = result.signingHeaders.keys.toLowerCase().split(/:\s*/);
  expect(signed).toEqual(
    expect.arrayContaining([
      'from',
      'to',
      'subject',
      'date',
      'message-id',
      'list-unsubscribe',
      'list-unsubscribe-post',
      'feedback-id',
      'precedence',
    ])
  );

  // The sink announces 8BITMIME; with a signature at stake the bodies still go 7-bit.
  expect(received.body).not.toBe('8BITMIME');
  expect(received.raw).not.toMatch(/\P{ASCII}/u);
  const mail = await sink().parse(received);
  expect(mail.subject).toBe('Grüße an Zoë');
  expect(String(mail.html)).toContain('Hello Zoë,');
});
