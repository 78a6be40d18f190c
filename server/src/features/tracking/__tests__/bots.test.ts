import { classifyUserAgent, isMachine, MACHINE_WINDOW_MS } from '../bots';

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const GMAIL = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

test('user agents are sorted into the kinds of client that fetch tracking URLs', () => {
  expect(classifyUserAgent(undefined)).toBe('none');
  expect(classifyUserAgent('  ')).toBe('none');
  expect(classifyUserAgent('Mozilla/5.0')).toBe('apple-privacy');
  expect(classifyUserAgent(GMAIL)).toBe('image-proxy');
  expect(classifyUserAgent('YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html')).toBe('image-proxy');
  for (const ua of [
    'Mozilla/5.0 (compatible; bingbot/2.0)',
    'python-requests/2.31',
    'curl/8.4.0',
    'Mozilla/5.0 HeadlessChrome/120',
    'Barracuda Sentinel (EE)',
  ]) {
    expect(classifyUserAgent(ua)).toBe('bot');
  }
  expect(classifyUserAgent(SAFARI)).toBe('browser');
  expect(classifyUserAgent('Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17231; Pro)')).toBe('browser');
});

test('a machine is a machine kind, or anything within the window after the message left', () => {
  const sentAt = 1_700_000_000_000;
  expect(isMachine('apple-privacy', sentAt + 3_600_000, sentAt)).toBe(true);
  expect(isMachine('none', sentAt + 3_600_000, sentAt)).toBe(true);
  expect(isMachine('bot', sentAt + 3_600_000, sentAt)).toBe(true);
  expect(isMachine('browser', sentAt + MACHINE_WINDOW_MS - 1, sentAt)).toBe(true);
  expect(isMachine('image-proxy', sentAt + 500, sentAt)).toBe(true);
  expect(isMachine('browser', sentAt + MACHINE_WINDOW_MS, sentAt)).toBe(false);
  expect(isMachine('image-proxy', sentAt + 60_000, sentAt)).toBe(false);
  expect(isMachine('browser', sentAt, null)).toBe(false);
});
