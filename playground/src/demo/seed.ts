import type { Core } from '@strapi/strapi';
import { seedArticles } from './articles';

/**
 * Demo data for `npm run demo`: an admin, two topics, 1,000 contacts, two segments and a draft
 * campaign, all written through the plugin's own services so they are validated like editor input;
 * and three blog articles with their covers, for campaigns' entries blocks (articles.ts).
 *
 * Idempotent twice over: a marker in the core store makes a seeded database a no-op (so contacts
 * or a campaign an editor deleted or renamed do not come back), and each step looks up what it
 * would create, so a first boot that was interrupted half way is completed rather than duplicated.
 */

const CONTACT_COUNT = 1000;
const CONCURRENCY = 8;
const BATCH_SIZE = 50;
export const DEMO_SEED_MARKER = { type: 'core', name: 'campaigns-demo', key: 'seed' } as const;

// The playground cannot import the plugin's service types: they sit outside its rootDir.
interface Ref {
  documentId: string;
}
interface ContactInput {
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
interface RuleGroup {
  match: 'all' | 'any';
  rules: Array<Record<string, unknown> | RuleGroup>;
}
interface PluginServices {
  topics: { create(input: { name: string; description: string; isPublic: boolean }): Promise<Ref> };
  contacts: { create(input: ContactInput): Promise<Ref> };
  segments: { create(input: { name: string; description: string; rules: RuleGroup }): Promise<Ref> };
  campaigns: { create(input: Record<string, unknown>): Promise<Ref> };
}
interface AdminServices {
  user: {
    exists(attributes?: Record<string, unknown>): Promise<boolean>;
    create(input: Record<string, unknown>): Promise<{ id: number }>;
  };
  role: { getSuperAdmin(): Promise<{ id: number } | null> };
}

const UID = {
  topic: 'plugin::campaigns.topic',
  contact: 'plugin::campaigns.contact',
  segment: 'plugin::campaigns.segment',
  campaign: 'plugin::campaigns.campaign',
} as const;

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

const NEWSLETTER_MJML = `<mjml>
  <mj-head>
    <mj-title>News from Northwind Coffee</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2328" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f7">
    <mj-section background-color="#4945ff" padding="20px 24px">
      <mj-column>
        <mj-text font-size="20px" font-weight="bold" color="#ffffff">Northwind Coffee</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="22px" font-weight="bold">Hello {{ contact.firstName | default: "there" }},</mj-text>
        <mj-text>Here is what is new at Northwind this month{% if contact.attributes.city %}, including in {{ contact.attributes.city }}{% endif %}:</mj-text>
        <mj-text>
          <ul>
            <li><strong>Autumn blend</strong>: a darker roast with notes of cocoa and plum.</li>
            <li><strong>Free shipping</strong> on orders over 30 EUR until the end of the month.</li>
            <li><strong>Brewing class</strong>: join our baristas online on Thursday.</li>
          </ul>
        </mj-text>
        {% if contact.attributes.plan == "pro" %}
        <mj-text>As a Pro member, you get early access to the blend before everyone else.</mj-text>
        {% endif %}
        <mj-button href="https://example.com/autumn-blend" background-color="#4945ff" color="#ffffff">Discover the autumn blend</mj-button>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#666687">You receive this email at {{ contact.email }} because you subscribed to the Northwind newsletter. <a href="{{ unsubscribe_url }}" style="color:#666687;">Unsubscribe</a></mj-text>
        <mj-text font-size="12px" color="#666687">{{ postal_address }}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

/** Runs `work` on every item, at most `concurrency` at a time; stops starting new ones after a failure. */
const forEachLimited = async <T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>) => {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
};

/** Strapi's own rule for admin passwords; an admin created with a weaker one could not change it later. */
const assertStrongPassword = (password: string) => {
  if (password.length < 8 || !/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/[0-9]/.test(password)) {
    throw new Error('CAMPAIGNS_DEMO_ADMIN_PASSWORD needs at least 8 characters with an upper-case letter, a lower-case letter and a digit');
  }
};

export const seedDemo = async (strapi: Core.Strapi) => {
  const started = Date.now();
  const marker = await strapi.store.get(DEMO_SEED_MARKER);
  if (marker) {
    strapi.log.info(`[campaigns demo] already seeded (${JSON.stringify(marker)}); nothing added in ${Date.now() - started} ms`);
    return;
  }

  const plugin = strapi.plugin('campaigns');
  const service = <K extends keyof PluginServices>(name: K) => plugin.service(name) as unknown as PluginServices[K];
  const admin = {
    user: strapi.service('admin::user') as unknown as AdminServices['user'],
    role: strapi.service('admin::role') as unknown as AdminServices['role'],
  };
  const findByName = async (uid: (typeof UID)[keyof typeof UID], name: string): Promise<string | null> => {
    const row = (await strapi.db.query(uid).findOne({ where: { name }, select: ['documentId'] })) as Ref | null;
    return row?.documentId ?? null;
  };
  const created: string[] = [];

  const email = process.env.CAMPAIGNS_DEMO_ADMIN_EMAIL || 'admin@example.com';
  if (!(await admin.user.exists())) {
    const password = process.env.CAMPAIGNS_DEMO_ADMIN_PASSWORD || 'Campaigns-Demo-1';
    assertStrongPassword(password);
    const superAdmin = await admin.role.getSuperAdmin();
    if (!superAdmin) throw new Error('the Super Admin role is missing: the admin plugin has not bootstrapped');
    // registrationToken null: the account is complete, not a pending invitation.
    await admin.user.create({
      email,
      firstname: 'Demo',
      lastname: 'Admin',
      password,
      isActive: true,
      roles: [superAdmin.id],
      registrationToken: null,
    });
    created.push(`admin ${email}`);
  } else if (!(await admin.user.exists({ email }))) {
    strapi.log.warn(`[campaigns demo] this database already has admins, none of them ${email}: the demo credentials will not log in`);
  }

  const topic = async (name: string, description: string) => {
    const existing = await findByName(UID.topic, name);
    if (existing) return existing;
    created.push(`topic "${name}"`);
    return (await service('topics').create({ name, description, isPublic: true })).documentId;
  };
  const topics = {
    newsletter: await topic('Newsletter', 'The monthly newsletter: new blends, recipes and events.'),
    productUpdates: await topic('Product updates', 'Short notes when we ship something new.'),
  };

  const contacts = demoContacts(topics);
  const existing = new Set<string>();
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < contacts.length; i += 500) {
    const rows = (await strapi.db.query(UID.contact).findMany({
      where: { email: { $in: contacts.slice(i, i + 500).map((c) => c.email) } },
      select: ['email'],
    })) as Array<{ email: string }>;
    for (const row of rows) existing.add(row.email);
  }
  const missing = contacts.filter((c) => !existing.has(c.email));
  const batches = Array.from({ length: Math.ceil(missing.length / BATCH_SIZE) }, (_, i) =>
    missing.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE)
  );
  const contactsStarted = Date.now();
  // One commit per batch instead of per contact (about a quarter faster on SQLite, which syncs to
  // disk on every commit): the service's queries join the open transaction. This relies on
  // contacts.create never taking a connection of its own: on SQLite's single one it would wait for the pool to time out.
  await forEachLimited(batches, CONCURRENCY, (batch) =>
    strapi.db.transaction(async () => {
      for (const contact of batch) await service('contacts').create(contact);
    })
  );
  if (missing.length) created.push(`${missing.length} contacts (${Date.now() - contactsStarted} ms)`);

  const segment = async (name: string, description: string, rules: RuleGroup) => {
    const found = await findByName(UID.segment, name);
    if (found) return found;
    created.push(`segment "${name}"`);
    return (await service('segments').create({ name, description, rules })).documentId;
  };
  await segment('French speakers', 'Contacts whose language is French (France, Belgium, Switzerland, Canada).', {
    match: 'all',
    rules: [{ field: 'locale', operator: 'startsWith', value: 'fr' }],
  });
  const newsletterReaders = await segment('Newsletter readers', 'Everyone subscribed to the Newsletter topic.', {
    match: 'all',
    rules: [{ field: 'topic', operator: 'memberOfAny', value: [topics.newsletter] }],
  });

  const campaignName = 'Monthly newsletter (demo)';
  if (!(await findByName(UID.campaign, campaignName))) {
    await service('campaigns').create({
      name: campaignName,
      subject: 'Autumn blend, free shipping and a brewing class',
      preheader: 'Three things that changed this month',
      fromName: 'Northwind Coffee',
      fromEmail: 'news@example.com',
      replyTo: 'hello@example.com',
      contentFormat: 'mjml',
      content: NEWSLETTER_MJML,
      segment: newsletterReaders,
    });
    created.push('1 draft campaign');
  }

  const articles = await seedArticles(strapi);
  if (articles) created.push(`${articles} articles`);

  await strapi.store.set({ ...DEMO_SEED_MARKER, value: { seededAt: new Date().toISOString() } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  strapi.log.info(`[campaigns demo] seeded in ${seconds} s: ${created.length ? created.join(', ') : 'nothing was missing'}`);
};
