import { assertProductionReady, parseConfig } from '../parse';
import configModule from '../index';

describe('plugin options', () => {
  test('fills documented defaults', () => {
    expect(parseConfig({})).toEqual({
      redis: { host: '127.0.0.1', port: 6379, db: 0, tls: false, prefix: 'campaigns' },
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
      workerMode: 'in-process',
      rateLimits: { messagesPerSecond: 50, perDomain: {} },
      imports: { maxFileBytes: 500 * 1024 * 1024 },
    });
  });

  test.each([
    [{ smtpp: {} }, 'campaigns.smtpp: unknown option'],
    [{ smtp: { hots: 'x' } }, 'campaigns.smtp.hots: unknown option'],
    [{ smtp: { port: '25' } }, 'campaigns.smtp.port: Invalid input: expected number, received string'],
    [{ smtp: { port: 70000 } }, 'campaigns.smtp.port'],
    [{ redis: { url: 'not a url' } }, 'campaigns.redis.url'],
    [{ redis: { prefix: 'a:b' } }, 'campaigns.redis.prefix: letters, digits, "-" and "_" only'],
    [{ workerMode: 'sometimes' }, 'campaigns.workerMode'],
    [{ signingSecret: 'short' }, 'campaigns.signingSecret: at least 32 characters'],
    [{ publicUrl: 'ftp://example.com' }, 'campaigns.publicUrl: an http(s) URL'],
    [{ rateLimits: { messagesPerSecond: 0 } }, 'campaigns.rateLimits.messagesPerSecond'],
    [{ rateLimits: { perDomain: { 'Gmail.com': 5 } } }, 'campaigns.rateLimits.perDomain.Gmail.com'],
    [{ imports: { maxFileBytes: 0 } }, 'campaigns.imports.maxFileBytes'],
    [{ imports: { maxFileBytes: '1mb' } }, 'campaigns.imports.maxFileBytes'],
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
