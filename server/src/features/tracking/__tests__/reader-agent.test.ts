import { readerAgentOf } from '../reader-agent';

const cases: Array<[string, string, string]> = [
  ['Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)', 'Outlook', 'desktop'],
  [
    'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; Microsoft Outlook 16.0.5435; ms-office; MSOffice 16)',
    'Outlook',
    'desktop',
  ],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)', 'Apple Mail', 'desktop'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', 'Apple Mail', 'mobile'],
  ['Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', 'Apple Mail', 'tablet'],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0', 'Thunderbird', 'desktop'],
  ['Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)', 'Gmail', 'unknown'],
  ['YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html', 'Yahoo Mail', 'unknown'],
  // A webmail read in a browser: the browser, and the device it runs on.
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome', 'desktop'],
  [
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    'Chrome',
    'mobile',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    'Safari',
    'desktop',
  ],
];

test.each(cases)('%s is read in %s on %s', (userAgent, mailClient, device) => {
  expect(readerAgentOf(userAgent, userAgent.includes('Proxy') ? 'image-proxy' : 'browser')).toEqual({ mailClient, device });
});

test('machines get no client; a reader whose User-Agent says nothing the parser knows gets unknown', () => {
  expect(readerAgentOf('Mozilla/5.0', 'apple-privacy')).toBeNull();
  expect(readerAgentOf('Mozilla/5.0 (compatible; bingbot/2.0)', 'bot')).toBeNull();
  expect(readerAgentOf(undefined, 'none')).toBeNull();
  expect(readerAgentOf('SomethingNew/1.0', 'browser')).toEqual({ mailClient: 'unknown', device: 'unknown' });
});

test('the same User-Agent gives the same verdict every time (it is parsed once)', () => {
  const ua = 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0';
  expect(readerAgentOf(ua, 'browser')).toBe(readerAgentOf(ua, 'browser'));
});
