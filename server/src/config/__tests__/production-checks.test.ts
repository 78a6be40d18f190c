import { configWarnings, warnAtBoot } from '../deliverability';
import { assertProductionReady, parseConfig } from '../parse';

const KEY = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----';
const ready = { signingSecret: 'x'.repeat(32), publicUrl: 'https://news.example.com' };

describe('production refuses an http public URL', () => {
  test('an http publicUrl stops production, naming the option and the way out', () => {
    const config = parseConfig({ ...ready, publicUrl: 'http://news.example.com' });
    expect(() => assertProductionReady(config, 'production')).toThrow(
      /campaigns\.publicUrl: "http:\/\/news\.example\.com" is http, production needs https.*campaigns\.allowInsecurePublicUrl: true/
    );
  });

  test('allowInsecurePublicUrl lets it through; development and https never complain', () => {
    expect(() =>
      assertProductionReady(parseConfig({ ...ready, publicUrl: 'http://news.example.com', allowInsecurePublicUrl: true }), 'production')
    ).not.toThrow();
    expect(() => assertProductionReady(parseConfig({ ...ready, publicUrl: 'http://localhost:1337' }), 'development')).not.toThrow();
    expect(() => assertProductionReady(parseConfig(ready), 'production')).not.toThrow();
  });

  test('allowInsecurePublicUrl must be a boolean', () => {
    expect(() => parseConfig({ allowInsecurePublicUrl: 'yes' })).toThrow('campaigns.allowInsecurePublicUrl');
  });
});

describe('deliverability warnings', () => {
  const dkim = { domainName: 'example.com', keySelector: 's1', privateKey: KEY };

  test('name each missing option a bulk sender is expected to set', () => {
    expect(configWarnings(parseConfig({}))).toEqual(['dkim-missing', 'postal-address-missing']);
    expect(configWarnings(parseConfig({ sending: { dkim, postalAddress: '1 Main St, Springfield' } }))).toEqual([]);
  });

  test('production logs one warning per missing option at boot, naming it', () => {
    const warn = jest.fn();
    warnAtBoot(parseConfig({ sending: { postalAddress: '1 Main St, Springfield' } }), 'production', { warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/campaigns\.sending\.dkim is not set: .*DKIM/);
  });

  test('development logs nothing', () => {
    const warn = jest.fn();
    warnAtBoot(parseConfig({}), 'development', { warn });
    expect(warn).not.toHaveBeenCalled();
  });

  test('a blank postal address is refused rather than taken as set', () => {
    expect(() => parseConfig({ sending: { postalAddress: '  ' } })).toThrow('campaigns.sending.postalAddress');
  });
});
