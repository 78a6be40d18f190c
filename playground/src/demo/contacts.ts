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

/** Small, fast and seedable, so every demo database gets the same people. */
const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const weighted = <T>(random: Random, items: ReadonlyArray<readonly [T, number]>): T => {
  let roll = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
};

const NAMES = {
  en: {
    first: [
      'Olivia',
      'Liam',
      'Emma',
      'Noah',
      'Ava',
      'James',
      'Sophia',
      'Oliver',
      'Isabella',
      'Lucas',
      'Mia',
      'Ethan',
      'Harper',
      'Henry',
      'Grace',
      'Jack',
    ],
    last: [
      'Smith',
      'Johnson',
      'Williams',
      'Brown',
      'Jones',
      'Miller',
      'Davis',
      'Wilson',
      'Taylor',
      'Clark',
      'Walker',
      'Wright',
      'Hughes',
      "O'Brien",
      'Evans',
      'Baker',
    ],
  },
  fr: {
    first: [
      'Camille',
      'Louis',
      'Léa',
      'Gabriel',
      'Chloé',
      'Hugo',
      'Manon',
      'Jules',
      'Inès',
      'Arthur',
      'Zoé',
      'Théo',
      'Amélie',
      'Mathis',
      'Élodie',
      'Raphaël',
    ],
    last: [
      'Martin',
      'Bernard',
      'Dubois',
      'Thomas',
      'Robert',
      'Richard',
      'Petit',
      'Durand',
      'Leroy',
      'Moreau',
      'Lefèvre',
      'Girard',
      'Tremblay',
      'Gagnon',
      'Roy',
      'Côté',
    ],
  },
  de: {
    first: [
      'Lena',
      'Maximilian',
      'Hannah',
      'Paul',
      'Leonie',
      'Felix',
      'Marie',
      'Jonas',
      'Sophie',
      'Lukas',
      'Emilia',
      'Tobias',
      'Jana',
      'Florian',
      'Anna',
      'Moritz',
    ],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Schulz',
      'Hoffmann',
      'Koch',
      'Richter',
      'Wolf',
      'Schröder',
      'Huber',
      'Graß',
    ],
  },
  es: {
    first: [
      'Lucía',
      'Mateo',
      'Sofía',
      'Santiago',
      'Valentina',
      'Diego',
      'Martina',
      'Alejandro',
      'Paula',
      'Daniel',
      'Carmen',
      'Javier',
      'Elena',
      'Pablo',
      'Ximena',
      'Andrés',
    ],
    last: [
      'García',
      'Fernández',
      'González',
      'Rodríguez',
      'López',
      'Martínez',
      'Sánchez',
      'Pérez',
      'Gómez',
      'Díaz',
      'Hernández',
      'Ruiz',
      'Torres',
      'Ramírez',
      'Flores',
      'Peña',
    ],
  },
  it: {
    first: [
      'Giulia',
      'Leonardo',
      'Francesca',
      'Alessandro',
      'Chiara',
      'Lorenzo',
      'Sara',
      'Matteo',
      'Aurora',
      'Tommaso',
      'Alice',
      'Riccardo',
    ],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'De Luca'],
  },
  pt: {
    first: ['Ana', 'João', 'Beatriz', 'Miguel', 'Larissa', 'Rafael', 'Juliana', 'Gustavo', 'Camila', 'Thiago', 'Fernanda', 'Lucas'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Carvalho', 'Almeida', 'Ribeiro', 'Gonçalves', 'Araújo'],
  },
  nl: {
    first: ['Sanne', 'Daan', 'Fleur', 'Sem', 'Lotte', 'Bram', 'Eva', 'Thijs', 'Noor', 'Ruben', 'Iris', 'Jesse'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Bos', 'Vos'],
  },
} as const;

/** Locale, the names its speakers get, and where they live (city with its IANA time zone). */
interface Region {
  locale: string;
  names: { first: readonly string[]; last: readonly string[] };
  weight: number;
  cities: ReadonlyArray<readonly [city: string, timezone: string]>;
}
const REGIONS: readonly Region[] = [
  {
    locale: 'en',
    names: NAMES.en,
    weight: 26,
    cities: [
      ['New York', 'America/New_York'],
      ['Chicago', 'America/Chicago'],
      ['Denver', 'America/Denver'],
      ['Seattle', 'America/Los_Angeles'],
      ['Austin', 'America/Chicago'],
      ['Boston', 'America/New_York'],
    ],
  },
  {
    locale: 'en-GB',
    names: NAMES.en,
    weight: 8,
    cities: [
      ['London', 'Europe/London'],
      ['Manchester', 'Europe/London'],
      ['Edinburgh', 'Europe/London'],
      ['Dublin', 'Europe/Dublin'],
    ],
  },
  {
    locale: 'fr',
    names: NAMES.fr,
    weight: 14,
    cities: [
      ['Paris', 'Europe/Paris'],
      ['Lyon', 'Europe/Paris'],
      ['Nantes', 'Europe/Paris'],
      ['Lille', 'Europe/Paris'],
      ['Bruxelles', 'Europe/Brussels'],
      ['Genève', 'Europe/Zurich'],
    ],
  },
  {
    locale: 'fr-CA',
    names: NAMES.fr,
    weight: 5,
    cities: [
      ['Montréal', 'America/Toronto'],
      ['Québec', 'America/Toronto'],
      ['Gatineau', 'America/Toronto'],
    ],
  },
  {
    locale: 'de',
    names: NAMES.de,
    weight: 12,
    cities: [
      ['Berlin', 'Europe/Berlin'],
      ['Hamburg', 'Europe/Berlin'],
      ['München', 'Europe/Berlin'],
      ['Köln', 'Europe/Berlin'],
      ['Wien', 'Europe/Vienna'],
      ['Zürich', 'Europe/Zurich'],
    ],
  },
  {
    locale: 'es',
    names: NAMES.es,
    weight: 10,
    cities: [
      ['Madrid', 'Europe/Madrid'],
      ['Barcelona', 'Europe/Madrid'],
      ['Valencia', 'Europe/Madrid'],
      ['Sevilla', 'Europe/Madrid'],
    ],
  },
  {
    locale: 'es-MX',
    names: NAMES.es,
    weight: 6,
    cities: [
      ['Ciudad de México', 'America/Mexico_City'],
      ['Guadalajara', 'America/Mexico_City'],
      ['Monterrey', 'America/Monterrey'],
    ],
  },
  {
    locale: 'it',
    names: NAMES.it,
    weight: 7,
    cities: [
      ['Roma', 'Europe/Rome'],
      ['Milano', 'Europe/Rome'],
      ['Torino', 'Europe/Rome'],
      ['Bologna', 'Europe/Rome'],
    ],
  },
  {
    locale: 'pt-BR',
    names: NAMES.pt,
    weight: 7,
    cities: [
      ['São Paulo', 'America/Sao_Paulo'],
      ['Rio de Janeiro', 'America/Sao_Paulo'],
      ['Belo Horizonte', 'America/Sao_Paulo'],
    ],
  },
  {
    locale: 'nl',
    names: NAMES.nl,
    weight: 5,
    cities: [
      ['Amsterdam', 'Europe/Amsterdam'],
      ['Rotterdam', 'Europe/Amsterdam'],
      ['Utrecht', 'Europe/Amsterdam'],
    ],
  },
];

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
