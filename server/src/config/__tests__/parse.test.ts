import { en } from '../../public-pages/locales/en';
import { assertProductionReady, parseConfig } from '../parse';
import configModule from '../index';

describe('plugin options', () => {
  test('fills documented defaults', () => {
    expect(parseConfig({})).toEqual({
      redis: { mode: 'standalone', host: '127.0.0.1', port: 6379, db: 0, tls: false, prefix: 'campaigns' },
      smtp: {
        host: '127.0.0.1',
        port: 587,
        secure: false,
        requireTLS: false,
        ignoreTLS: false,
        rejectUnauthorized: true,
        pool: true,
        maxConnections: 5,
        maxMessages: 100,
      },
      allowInsecurePublicUrl: false,
      workerMode: 'in-process',
      rateLimits: { messagesPerSecond: 50, perDomain: {} },
      sending: { senders: [], feedbackId: 'campaigns', maxAttempts: 5, retryDelaySeconds: 60, batchSize: 100, concurrency: 10 },
      audienceSources: [],
      imports: { maxFileBytes: 500 * 1024 * 1024, reportRetentionDays: 30 },
      publicLimits: { enabled: true, windowSeconds: 60, firstPerToken: 5, perToken: 30, perIp: 300, invalidPerIp: 30 },
      pages: { languages: {} },
      inbound: {
        policy: {
          hardBounce: 'suppress',
          softBounce: { action: 'suppress', count: 3, windowDays: 30, suppressDays: 30 },
          complaint: 'suppress',
          unsubscribeRequest: 'unsubscribe',
        },
        rateGuard: { enabled: true, minDeliveries: 500, complaintRate: 0.003, hardBounceRate: 0.05 },
        limits: {
          maxMessageBytes: 10 * 1024 * 1024,
          maxDepth: 20,
          maxParts: 500,
          maxHeaderBytes: 256 * 1024,
          timeLimitMs: 5000,
          storedRawBytes: 256 * 1024,
        },
        webhooks: { maxAgeSeconds: 300 },
        mailboxes: [],
      },
      scheduling: { graceMinutes: 60 },
      replies: { notifyOwner: false },
    });
  });

  test('fills the defaults of an audience source', () => {
    expect(parseConfig({ audienceSources: [{ uid: 'plugin::users-permissions.user' }] }).audienceSources).toEqual([
      {
        uid: 'plugin::users-permissions.user',
        emailField: 'email',
        fields: {},
        topics: [],
        consentSource: 'source:plugin::users-permissions.user',
        mirrorDeletes: 'delete',
      },
    ]);
    const custom = {
      uid: 'api::member.member',
      emailField: 'mail',
      fields: { firstName: 'given', 'attribute:plan': 'plan' },
      topics: ['news'],
      consentSource: 'signup-form',
      mirrorDeletes: 'unsubscribe',
    };
    expect(parseConfig({ audienceSources: [custom] }).audienceSources).toEqual([custom]);
  });

  test("a site's language with every key of the English text is taken", () => {
    const italian = { ...en, 'notFound.title': 'Non trovato' };
    expect(parseConfig({ pages: { languages: { it: italian } } }).pages.languages).toEqual({ it: italian });
  });

  test.each([
    [{ smtpp: {} }, 'campaigns.smtpp: unknown option'],
    [{ scheduling: { graceMinutes: -1 } }, 'campaigns.scheduling.graceMinutes: Too small: expected number to be >=0'],
    [{ smtp: { hots: 'x' } }, 'campaigns.smtp.hots: unknown option'],
    [{ smtp: { port: '25' } }, 'campaigns.smtp.port: Invalid input: expected number, received string'],
    [{ smtp: { port: 70000 } }, 'campaigns.smtp.port'],
    [{ redis: { url: 'not a url' } }, 'campaigns.redis.url'],
    [{ redis: { prefix: 'a:b' } }, 'campaigns.redis.prefix: letters, digits, "-" and "_", with at most one {hash tag}'],
    [{ workerMode: 'sometimes' }, 'campaigns.workerMode'],
    [{ signingSecret: 'short' }, 'campaigns.signingSecret: at least 32 characters'],
    [{ sending: { replyAddress: 'replies@example.com' } }, 'campaigns.sending.replyAddress: needs signingSecret'],
    [{ replies: { notifyOwner: 'yes' } }, 'campaigns.replies.notifyOwner'],
    [{ sending: { senders: [{ email: 'not an address' }] } }, 'campaigns.sending.senders[0].email: an address such as bounces@example.com'],
    [{ sending: { senders: [{ email: 'a@b.com', name: 'Two\nlines' }] } }, 'campaigns.sending.senders[0].name: one line'],
    [
      { inbound: { webhooks: { sendgrid: { publicKey: 'x'.repeat(60) } } } },
      'campaigns.inbound.webhooks.sendgrid.publicKey: the verification key SendGrid shows for the signed event webhook (base64)',
    ],
    [{ sending: { transport: { send() {} } } }, 'campaigns.sending.transport: a function ({ strapi }) => ({ send, close })'],
    [
      { sending: { dkim: { domainName: 'example.com', keySelector: 's1', privateKey: 'abc' } } },
      'campaigns.sending.dkim.privateKey: a PEM private key',
    ],
    [{ sending: { batchSize: 0 } }, 'campaigns.sending.batchSize'],
    [{ publicUrl: 'ftp://example.com' }, 'campaigns.publicUrl: an http(s) URL'],
    [{ rateLimits: { messagesPerSecond: 0 } }, 'campaigns.rateLimits.messagesPerSecond'],
    [{ rateLimits: { perDomain: { 'Gmail.com': 5 } } }, 'campaigns.rateLimits.perDomain.Gmail.com'],
    [{ audienceSources: {} }, 'campaigns.audienceSources: Invalid input: expected array'],
    [{ audienceSources: [{}] }, 'campaigns.audienceSources[0].uid: Invalid input: expected string'],
    [{ audienceSources: [{ uid: 'users' }] }, 'campaigns.audienceSources[0].uid: a content type uid'],
    [
      { audienceSources: [{ uid: 'plugin::campaigns.contact' }] },
      "campaigns.audienceSources[0].uid: the plugin's own content types cannot be a source",
    ],
    [{ audienceSources: [{ uid: 'api::a.a', mirrorDeletes: 'keep' }] }, 'campaigns.audienceSources[0].mirrorDeletes'],
    [{ audienceSources: [{ uid: 'api::a.a', emial: 'x' }] }, 'campaigns.audienceSources[0].emial: unknown option'],
    [
      { audienceSources: [{ uid: 'api::a.a', fields: { nickname: 'x' } }] },
      'campaigns.audienceSources[0].fields.nickname: a contact field',
    ],
    [
      { audienceSources: [{ uid: 'api::a.a', fields: { 'attribute:a-b': 'x' } }] },
      'campaigns.audienceSources[0].fields.attribute:a-b: a contact field',
    ],
    [{ audienceSources: [{ uid: 'api::a.a', topics: ['Product News'] }] }, 'campaigns.audienceSources[0].topics[0]: a topic slug'],
    [{ audienceSources: [{ uid: 'api::a.a' }, { uid: 'api::a.a' }] }, 'campaigns.audienceSources[1].uid: "api::a.a" is listed twice'],
    [{ imports: { maxFileBytes: 0 } }, 'campaigns.imports.maxFileBytes'],
    [{ imports: { maxFileBytes: '1mb' } }, 'campaigns.imports.maxFileBytes'],
    [{ imports: { reportRetentionDays: 0 } }, 'campaigns.imports.reportRetentionDays'],
    [{ pages: { languages: { 'pt-BR': { ...en } } } }, 'campaigns.pages.languages.pt-BR: a lower-case language code such as it or pt'],
    [{ pages: { languages: { it: { ...en, 'notFound.title': undefined } } } }, 'campaigns.pages.languages.it.notFound.title: missing'],
    [
      { pages: { languages: { it: { ...en, 'unsubscribe.done.body': 'Fatto' } } } },
      'campaigns.pages.languages.it.unsubscribe.done.body: needs the placeholders {email} and no others',
    ],
    [{ pages: { languages: { it: { ...en, extra: 'x' } } } }, 'campaigns.pages.languages.it.extra: unknown key'],
    [{ pages: { langs: {} } }, 'campaigns.pages.langs: unknown option'],
  ])('refuses %j, naming the option', (input, message) => {
    expect(() => parseConfig(input)).toThrow(message);
    expect(() => configModule.validator(input)).toThrow(message);
  });

  test('production needs a signing secret and a public URL', () => {
    const dev = parseConfig({});
    expect(() => assertProductionReady(dev, 'development')).not.toThrow();
    expect(() => assertProductionReady(dev, 'production')).toThrow(/campaigns\.signingSecret .*campaigns\.publicUrl/);
    const ready = parseConfig({ signingSecret: 'x'.repeat(32), publicUrl: 'https://news.example.com' });
    expect(() => assertProductionReady(ready, 'production')).not.toThrow();
  });
});
