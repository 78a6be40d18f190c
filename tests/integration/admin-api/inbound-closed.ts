import { createHmac } from 'node:crypto';
import { rawMailSignature } from '../../../server/src/features/inbound/raw-mail';
import { useGroupApp } from '../../helpers/integration-group';

/**
 * This group boots without any inbound secret: every inbound route must answer as if it did not
 * exist (fail closed), whatever the request carries, and nothing may be written.
 */
const { strapi, api } = useGroupApp();

const MAIL = Buffer.from(
  'From: MAILER-DAEMON@example.com\r\nSubject: Undelivered Mail\r\n\r\n<ann@example.com>: 550 5.1.1 User unknown\r\n'
);
const noticeCount = async () => Number((await strapi().db.connection('campaigns_inbound_notices').count({ n: '*' }).first())!.n);

describe('inbound routes without a configured secret', () => {
  test('raw mail answers 404, signed or not, and records nothing', async () => {
    for (const signature of [null, rawMailSignature('a guessed secret of some length', MAIL)]) {
      const req = api().post('/api/campaigns/inbound/mail').set('Content-Type', 'message/rfc822');
      const res = await (signature ? req.set('X-Campaigns-Signature', signature) : req).send(MAIL);
      expect(res.status).toBe(404);
    }
    expect(await noticeCount()).toBe(0);
  });

  test('every webhook provider answers 404 and records nothing', async () => {
    const body = JSON.stringify({ events: [{ id: 'e1', type: 'bounce', email: 'ann@example.com' }] });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', 'a guessed secret of some length').update(`${timestamp}.${body}`).digest('hex');
    for (const provider of ['ses', 'sendgrid', 'mailgun', 'postmark', 'postmark/a-guessed-token-0123456789', 'brevo', 'generic']) {
      const res = await api()
        .post(`/api/campaigns/inbound/webhooks/${provider}`)
        .set('Content-Type', 'application/json')
        .set('X-Campaigns-Timestamp', timestamp)
        .set('X-Campaigns-Signature', `sha256=${signature}`)
        .send(body);
      expect({ provider, status: res.status }).toEqual({ provider, status: 404 });
    }
    expect(await noticeCount()).toBe(0);
  });
});
