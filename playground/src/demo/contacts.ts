import { REGIONS } from './contact-regions';
import { mulberry32, pick, weighted } from './seeded-random';

/** The demo's 1,000 people: the same ones on every database (a seeded generator), spread over locales, cities and time zones. */

export interface ContactInput {
  email: string;
  firstName: string;
  lastName: string | null;
  attributes: { plan: 'free' | 'pro'; city: string; orders: number };
  timezone: string | null;
  locale: string;
  source: string;
  topics: string[];
  consent: { source: string; ip?: string; text?: string; at: string };
}

const CONTACT_COUNT = 1000;

const DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

/** RFC 5737 documentation ranges: realistic-looking, never a real person's address. */
const IP_PREFIXES = ['192.0.2.', '198.51.100.', '203.0.113.'] as const;

const SOURCES = [
  ['signup-form', 55],
  ['checkout', 25],
  ['import', 15],
  ['webinar', 5],
] as const;

const CONSENT_TEXT: Record<string, string> = {
  'signup-form': 'Yes, send me the newsletter and product updates. I can unsubscribe at any time.',
  checkout: 'Keep me posted about offers and new features (optional).',
  webinar: 'Email me the recording and related news.',
};

/** Lower-case ASCII for the local part of an address: "Lefèvre" -> "lefevre", "Graß" -> "grass". */
const asciiFold = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const CONSENT_SINCE = Date.UTC(2024, 0, 8, 9, 0, 0);

/** The same 1,000 contacts on every database; topic ids are filled in by the caller. */
export const demoContacts = (topics: { newsletter: string; productUpdates: string }): ContactInput[] => {
  const random = mulberry32(20_240_108);
  const taken = new Set<string>();
  return Array.from({ length: CONTACT_COUNT }, (_, i) => {
    const region = weighted(
      random,
      REGIONS.map((r) => [r, r.weight] as const)
    );
    const firstName = pick(random, region.names.first);
    const lastName = random() < 0.04 ? null : pick(random, region.names.last);
    const [city, cityZone] = pick(random, region.cities);
    const first = asciiFold(firstName);
    const last = lastName ? asciiFold(lastName) : '';
    const localPart = last
      ? pick(random, [`${first}.${last}`, `${first}${last}`, `${first[0]}.${last}`, `${first}_${last}`, `${last}.${first}`])
      : `${first}${Math.floor(random() * 90) + 10}`;
    const domain = pick(random, DOMAINS);
    let email = `${localPart}@${domain}`;
    for (let n = 2; taken.has(email); n += 1) email = `${localPart}${n}@${domain}`;
    taken.add(email);

    const plan = random() < 0.22 ? 'pro' : 'free';
    const source = weighted(random, SOURCES);
    const memberships = [
      ...(random() < 0.62 ? [topics.newsletter] : []),
      ...(random() < (plan === 'pro' ? 0.7 : 0.3) ? [topics.productUpdates] : []),
    ];
    const at = new Date(CONSENT_SINCE + i * 7 * 3_600_000 + Math.floor(random() * 3_600_000)).toISOString();
    const text = CONSENT_TEXT[source];
    return {
      email,
      firstName,
      lastName,
      attributes: { plan, city, orders: plan === 'pro' ? Math.floor(random() * 40) + 1 : Math.floor(random() * 6) },
      // Some people never told us where they are; sends to them fall back to the campaign's time.
      timezone: random() < 0.06 ? null : cityZone,
      locale: region.locale,
      source,
      topics: memberships,
      consent: {
        source,
        at,
        ...(text ? { text, ip: `${pick(random, IP_PREFIXES)}${Math.floor(random() * 254) + 1}` } : {}),
      },
    };
  });
};
