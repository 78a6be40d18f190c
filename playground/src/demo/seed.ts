import type { Core } from '@strapi/strapi';
import { seedArticles } from './articles';
import { demoContacts, type ContactInput } from './contacts';
import { NEWSLETTER_MJML } from './newsletter';

/**
 * Demo data for `npm run demo`: an admin, two topics, 1,000 contacts, two segments and a draft
 * campaign, all written through the plugin's own services so they are validated like editor input;
 * and three blog articles with their covers, for campaigns' entries blocks (articles.ts).
 *
 * Idempotent twice over: a marker in the core store makes a seeded database a no-op (so contacts
 * or a campaign an editor deleted or renamed do not come back), and each step looks up what it
 * would create, so a first boot that was interrupted half way is completed rather than duplicated.
 */

const CONCURRENCY = 8;
const BATCH_SIZE = 50;
export const DEMO_SEED_MARKER = { type: 'core', name: 'campaigns-demo', key: 'seed' } as const;

// The playground cannot import the plugin's service types: they sit outside its rootDir.
interface Ref {
  documentId: string;
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
