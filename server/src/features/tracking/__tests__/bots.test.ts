import { classifyUserAgent, clickVerdict, MACHINE_WINDOW_MS, openVerdict, SCANNER_WINDOW_MS, type ClickContext } from '../bots';

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

test('an open is a machine kind, or anything within the window after the message left', () => {
  const sentAt = 1_700_000_000_000;
  expect(openVerdict('apple-privacy', sentAt + 3_600_000, sentAt)).toBe('user-agent');
  expect(openVerdict('none', sentAt + 3_600_000, sentAt)).toBe('user-agent');
  expect(openVerdict('bot', sentAt + 3_600_000, sentAt)).toBe('user-agent');
  expect(openVerdict('browser', sentAt + MACHINE_WINDOW_MS - 1, sentAt)).toBe('after-delivery');
  expect(openVerdict('image-proxy', sentAt + 500, sentAt)).toBe('after-delivery');
  expect(openVerdict('browser', sentAt + MACHINE_WINDOW_MS, sentAt)).toBe('human');
  expect(openVerdict('image-proxy', sentAt + 60_000, sentAt)).toBe('human');
  expect(openVerdict('browser', sentAt, null)).toBe('human');
});

describe('click verdicts', () => {
  const sentAt = 1_700_000_000_000;
  const at = sentAt + 3_600_000;
  const opened: ClickContext = { sentAt, firstOpenAt: at - 60_000, clicks: [], linkCount: 3 };

  test('a reader who opened the message and clicks one link, an hour after it left, is human', () => {
    expect(clickVerdict('browser', at, 1, opened)).toBe('human');
    expect(clickVerdict('browser', sentAt + SCANNER_WINDOW_MS, 1, { ...opened, firstOpenAt: sentAt + 5_000 })).toBe('human');
  });

  test('the user agent decides first', () => {
    expect(clickVerdict('bot', at, 1, opened)).toBe('user-agent');
    expect(clickVerdict('none', at, 1, opened)).toBe('user-agent');
  });

  test('a click within seconds of delivery is a scanner, opened or not', () => {
    expect(clickVerdict('browser', sentAt + SCANNER_WINDOW_MS - 1, 1, { ...opened, firstOpenAt: sentAt + 100 })).toBe('after-delivery');
  });

  test('a click before any open (none at all, or only a later one) is a scanner', () => {
    expect(clickVerdict('browser', at, 1, { ...opened, firstOpenAt: null })).toBe('before-open');
    expect(clickVerdict('browser', at, 1, { ...opened, firstOpenAt: at + 1 })).toBe('before-open');
    // A machine's open (Apple's prefetch) is an open: the message reached a mail client.
    expect(clickVerdict('browser', at, 1, { ...opened, firstOpenAt: at })).toBe('human');
  });

  test('the click that completes every link of the message within seconds is a scanner', () => {
    const clicks = [
      { linkId: 1, at: at - 3_000 },
      { linkId: 2, at: at - 1_000 },
    ];
    expect(clickVerdict('browser', at, 3, { ...opened, clicks })).toBe('all-links');
    // The same links over more than the window: a reader going back to the message.
    expect(clickVerdict('browser', at, 3, { ...opened, clicks: [{ linkId: 1, at: at - SCANNER_WINDOW_MS }, clicks[1]] })).toBe('human');
    // Clicking one link again and again is not every link.
    expect(clickVerdict('browser', at, 2, { ...opened, clicks: [{ linkId: 2, at: at - 500 }, clicks[1]] })).toBe('human');
    // A later click does not count for an earlier one.
    expect(clickVerdict('browser', at, 3, { ...opened, clicks: [clicks[0], { linkId: 2, at: at + 1 }] })).toBe('human');
    // A message with one link: clicking it is not "every link".
    expect(clickVerdict('browser', at, 1, { ...opened, linkCount: 1, clicks: [{ linkId: 1, at: at - 100 }] })).toBe('human');
  });
});
