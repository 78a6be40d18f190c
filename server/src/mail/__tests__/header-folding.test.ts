import { simpleParser } from 'mailparser';
import { buildMime, type MimeInput } from '../mime';

/** The header block of a built message, one entry per physical line. */
const headerLines = (raw: Buffer) => raw.toString('utf8').split('\r\n\r\n')[0].split('\r\n');
const encodedWords = (raw: Buffer) =>
  headerLines(raw)
    .join(' ')
    .match(/=\?[^?\s]+\?[BQ]\?[^?\s]*\?=/g) ?? [];

// The longest values the inputs accept: subject 998 characters, fromName 200, a contact's first
// and last names 200 each (joined by a space), an address 254.
const words = (length: number, word: string) =>
  `${word} `
    .repeat(Math.ceil(length / (word.length + 1)))
    .slice(0, length)
    .trimEnd();
const SUBJECTS = {
  'ASCII words': words(998, 'autumn'),
  'one ASCII word': 'x'.repeat(998),
  'accented words (200)': words(200, 'Grüße'),
  'accented words (998)': words(998, 'Grüße'),
  'one accented word': 'é'.repeat(998),
  emoji: '☕🍂'.repeat(332),
  'a run of spaces': `a${' '.repeat(990)}b`,
  'spaced words': words(998, `autumn${' '.repeat(40)}`),
};
const NAMES = {
  'ASCII words': words(200, 'Northwind'),
  'one ASCII word': 'N'.repeat(200),
  'quoted specials': words(200, 'Lee, "Ann"'),
  'accented words': words(200, 'Zoë'),
  'one accented word': 'ë'.repeat(200),
  'a run of spaces': `N${' '.repeat(190)}C`,
};
const longAddress = (domain: string) => `${'l'.repeat(64)}@${'d'.repeat(63)}.${'e'.repeat(63)}.${domain}`.slice(0, 254);

const UNSUBSCRIBE = `<https://news.example.com/api/campaigns/t/u/${'t'.repeat(120)}>, <mailto:unsubscribe@example.com?subject=unsubscribe%20${'t'.repeat(120)}>`;

const message = (subject: string, name: string, email = 'news@example.com'): MimeInput => ({
  from: { name, email },
  to: { name: `${name} ${name}`, email: email.replace('news', 'ann') },
  replyTo: { name, email },
  subject,
  messageId: '<1.2@example.com>',
  headers: [['List-Unsubscribe', UNSUBSCRIBE]],
  text: 'Hi',
  html: '<p>Hi</p>',
});

describe.each(Object.entries(SUBJECTS))('a subject of %s', (_subject, subject) => {
  test.each(Object.entries(NAMES))(
    'and names of %s: every header line fits 78 octets where words allow, and reads back unchanged',
    async (_name, name) => {
      const { raw } = buildMime(message(subject, name));
      for (const line of headerLines(raw)) {
        // Only a line of one token longer than a line (an unsubscribe URL) may pass 78; nothing passes 998.
        if (Buffer.byteLength(line) > 78)
          expect(
            line
              .replace(/^[\w-]+:/, '')
              .trim()
              .split(' ')
          ).toHaveLength(1);
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
      }
      for (const word of encodedWords(raw)) expect(word.length).toBeLessThanOrEqual(75);
      const mail = await simpleParser(raw);
      expect(mail.subject).toBe(subject);
      expect(mail.from?.value).toEqual([{ name, address: 'news@example.com' }]);
      expect(!Array.isArray(mail.to) && mail.to?.value).toEqual([{ name: `${name} ${name}`, address: 'ann@example.com' }]);
      expect(mail.replyTo?.value).toEqual([{ name, address: 'news@example.com' }]);
      const unsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
      expect(unsubscribe.replace(/\r\n(?=[ \t])/g, '')).toBe(`List-Unsubscribe: ${UNSUBSCRIBE}`);
    }
  );
});

test('254-character addresses with the longest names keep every line within 998 octets', async () => {
  const email = longAddress('example');
  const { raw } = buildMime(message(SUBJECTS['one accented word'], NAMES['one accented word'], `news${email.slice(4)}`));
  for (const line of headerLines(raw)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
  const mail = await simpleParser(raw);
  expect(mail.from?.value[0].address).toBe(`news${email.slice(4)}`);
});

test('short headers stay on one line, and ASCII subjects with short words are not encoded', () => {
  const { raw } = buildMime({ ...message('Autumn news for Ann', 'Northwind Coffee'), headers: [] });
  expect(headerLines(raw).slice(0, 4)).toEqual([
    'From: Northwind Coffee <news@example.com>',
    'To: Northwind Coffee Northwind Coffee <ann@example.com>',
    'Reply-To: Northwind Coffee <news@example.com>',
    'Subject: Autumn news for Ann',
  ]);
  const long = buildMime(message(words(200, 'autumn'), 'N')).raw;
  const subjectLine = headerLines(long).find((l) => l.startsWith('Subject:'))!;
  expect(subjectLine).toMatch(/^Subject:( autumn)+$/);
  expect(subjectLine.length).toBeGreaterThan(70);
});
