import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { postImport, WIZARD_IMPORT_MAX_FILE_BYTES } from '../../helpers/imports';
import { useGroupBrowser } from '../../helpers/admin-browser-group';

const { app, page, baseUrl, token, screenshot } = useGroupBrowser();
let newsletter: { documentId: string };
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'import-wizard-'));

/** A file on disk for the file input, as the admin would pick it. */
const fileOf = (name: string, content: string | Buffer) => {
  const file = path.join(files, name);
  fs.writeFileSync(file, content);
  return file;
};

beforeAll(async () => {
  newsletter = await app().strapi.plugin('campaigns').service('topics').create({ name: 'Newsletter' });
  await app().strapi.plugin('campaigns').service('suppressions').add({ email: 'cyd@example.com', reason: 'complaint' });
}, 120_000);

afterAll(async () => {
  fs.rmSync(files, { recursive: true, force: true });
});

const openWizard = async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/imports`);
  await page().getByRole('button', { name: 'New import' }).click();
  await page().waitForURL(/\/imports\/new$/);
};

/**
 * A select's list gives the focus back to its combobox on a timer once it has closed (Radix's focus
 * scope). Playwright's fill focuses its field, then types: a focus moved back in between takes the
 * typing to the combobox, and the field stays empty. Whatever comes next waits for that move.
 */
const focusBackOn = (combobox: string) => page().getByRole('combobox', { name: combobox }).and(page().locator(':focus')).waitFor();

const pick = async (combobox: string, option: string) => {
  await page().getByRole('combobox', { name: combobox }).click();
  await page().getByRole('option', { name: option, exact: true }).click();
  await focusBackOn(combobox);
};

const counter = async (label: string) => (await page().getByRole('group', { name: label, exact: true }).innerText()).split('\n').pop();

// Semicolons, a header the server maps by itself, an invalid address, a duplicate (case differs),
// a suppressed address and two extra columns: one kept as an attribute, one ignored.
const CSV = [
  'Email;First name;Last name;Company;Notes',
  'ada@example.com;Ada;Lovelace;Analytical Engines;met at the fair',
  'bob@example.com;Bob;Builder;Builders Ltd;',
  'not-an-email;Bad;Row;Nowhere;typo',
  'ADA@Example.com;Ada;Again;Second Row;duplicate',
  'cyd@example.com;Cyd;Charisse;Dance Co;suppressed',
].join('\r\n');

test('imports a CSV through the wizard: mapping, topics, consent, live progress, counters and the rejected rows', async () => {
  await openWizard();
  await page().getByLabel('CSV file').setInputFiles(fileOf('fair-signups.csv', CSV));

  // Step 2: the server's suggestion, the samples of each column, and the one-email rule.
  await page().getByRole('heading', { name: 'What each column becomes' }).waitFor();
  await page().getByRole('gridcell', { name: 'ada@example.com · bob@example.com · not-an-email' }).waitFor();
  expect(await page().getByRole('textbox', { name: 'Attribute name for Company' }).inputValue()).toBe('company');
  await pick('Column First name becomes', 'Email');
  await page().getByRole('alert').filter({ hasText: 'Columns "Email", "First name" all map to Email: keep one' }).waitFor();
  expect(await page().getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
  await pick('Column Email becomes', 'Ignore');
  await pick('Column First name becomes', 'First name');
  await page().getByRole('alert').filter({ hasText: 'Map one column to Email' }).waitFor();
  await pick('Column Email becomes', 'Email');
  await page().getByRole('textbox', { name: 'Attribute name for Company' }).fill('2 bad');
  await page().getByRole('alert').filter({ hasText: 'Column "Company": an attribute name is letters' }).waitFor();
  await page().getByRole('textbox', { name: 'Attribute name for Company' }).fill('organisation');
  await pick('Column Notes becomes', 'Ignore');
  // Strapi keeps an empty live region with the alert role on every page().
  expect(await page().getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
  await page().getByRole('button', { name: 'Next' }).click();

  // Step 3: an existing topic, one created inline, and the consent record (required).
  await page().getByRole('combobox', { name: 'Topics' }).click();
  await page().getByRole('option', { name: 'Newsletter', exact: true }).click();
  await page().keyboard.press('Escape');
  await focusBackOn('Topics');
  await page().getByRole('textbox', { name: 'New topic' }).fill('Spring fair 2026');
  await page().getByRole('button', { name: 'Create topic' }).click();
  await page().getByRole('textbox', { name: 'New topic' }).and(page().locator('[value=""]')).waitFor();
  const fair = await app()
    .strapi.db.query('plugin::campaigns.topic')
    .findOne({ where: { name: 'Spring fair 2026' } });
  expect(fair).not.toBeNull();
  await page().getByRole('button', { name: 'Start import' }).click();
  expect(await page().getByText('Required: the record of these people’s consent').count()).toBe(2);
  expect(await app().strapi.db.connection('campaigns_imports').select('id')).toEqual([]);
  await page().getByRole('textbox', { name: 'Consent source' }).fill('Signup sheet, spring fair 2026');
  await page().getByRole('textbox', { name: 'Consent text' }).fill('Yes, send me the newsletter');
  await screenshot('import-wizard-options');
  // The queue is paused so the page is seen waiting before the job runs, then following it.
  const queue = app().strapi.plugin('campaigns').service('queues').queue('import');
  await queue.pause();
  await page().getByRole('button', { name: 'Start import' }).click();

  // Step 4: the import's page polls until done, with the counters as they end.
  await page().waitForURL(/\/imports\/\d+$/);
  const importId = Number(page().url().split('/').pop());
  await page().getByText('Waiting for a worker…').waitFor();
  expect(await page().getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('0');
  expect(await counter('Rows read')).toBe('0');
  await queue.resume();
  await page().getByRole('status').filter({ hasText: 'Done.' }).waitFor({ timeout: 30_000 });
  expect(await page().getByRole('status').filter({ hasText: 'Done.' }).innerText()).toBe(
    'Done. 5 rows read: 2 created, 0 updated, 1 duplicate, 1 rejected, 1 suppressed.'
  );
  expect(await page().getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('100');
  for (const [label, value] of [
    ['Rows read', '5'],
    ['Created', '2'],
    ['Updated', '0'],
    ['Duplicates', '1'],
    ['Rejected', '1'],
    ['Suppressed', '1'],
  ]) {
    expect([label, await counter(label)]).toEqual([label, value]);
  }
  await screenshot('import-wizard-done');

  // The report, downloaded with the admin's token.
  const [download] = await Promise.all([
    page().waitForEvent('download'),
    page().getByRole('button', { name: 'Download rejected rows' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`import-${importId}-rejected-rows.csv`);
  const report = parse(fs.readFileSync((await download.path()) as string), { bom: true }) as string[][];
  expect(report).toEqual([
    ['line', 'email', 'reason', 'Email', 'First name', 'Last name', 'Company', 'Notes'],
    ['4', 'not-an-email', expect.stringMatching(/email/), 'not-an-email', 'Bad', 'Row', 'Nowhere', 'typo'],
  ]);

  // The database: mapped fields, the attribute under its new name, both topics, the consent.
  const contacts = app().strapi.plugin('campaigns').service('contacts');
  const ada = await contacts.findByEmail('ada@example.com');
  expect(ada).toMatchObject({
    firstName: 'Ada',
    lastName: 'Lovelace',
    attributes: { organisation: 'Analytical Engines' },
    state: 'subscribed',
    source: `import:${importId}`,
    consent: { source: 'Signup sheet, spring fair 2026', text: 'Yes, send me the newsletter', at: expect.any(String) },
  });
  expect(ada.topics.map((t: { name: string }) => t.name).sort()).toEqual(['Newsletter', 'Spring fair 2026']);
  expect((await contacts.findByEmail('bob@example.com')).attributes).toEqual({ organisation: 'Builders Ltd' });
  expect((await contacts.findByEmail('cyd@example.com')).topics.map((t: { documentId: string }) => t.documentId)).toContain(
    newsletter.documentId
  );
  expect(await app().strapi.db.query('plugin::campaigns.contact').count({})).toBe(3);

  // The history lists it with its counters and who started it.
  await page().getByRole('link', { name: '← Imports' }).click();
  const row = page().getByRole('row').filter({ hasText: 'fair-signups.csv' });
  await row.waitFor();
  expect((await row.getByRole('gridcell').allInnerTexts()).slice(1)).toEqual([
    'done',
    '2',
    '0',
    '1',
    '1',
    '1',
    '100%',
    'Ada Admin',
    expect.any(String),
  ]);
});

test('a binary file renamed .csv, a file over the size limit and a one-column file show the server’s reason', async () => {
  await openWizard();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]);
  await page().getByLabel('CSV file').setInputFiles(fileOf('photo.csv', png));
  await page().getByRole('alert').filter({ hasText: 'the file looks binary (a NUL byte at offset 8)' }).waitFor();
  await screenshot('import-wizard-bad-file');

  const large = `Email\r\n${'someone@example.com\r\n'.repeat(Math.ceil((WIZARD_IMPORT_MAX_FILE_BYTES * 1.5) / 21))}`;
  await page().getByLabel('CSV file').setInputFiles(fileOf('large.csv', large));
  await page().getByRole('alert').filter({ hasText: 'imports take files up to 0.063 MB' }).waitFor();

  await page().getByLabel('CSV file').setInputFiles(fileOf('header-only.csv', 'Email\r\n'));
  await page().getByRole('alert').filter({ hasText: 'the file has a header row but no data rows' }).waitFor();

  // Still on the first step, and nothing was imported.
  expect(page().url()).toMatch(/\/imports\/new$/);
  expect(await page().getByRole('heading', { name: 'What each column becomes' }).count()).toBe(0);
  const imports = await app()
    .strapi.db.connection('campaigns_imports')
    .where('file_name', 'in', ['photo.csv', 'large.csv', 'header-only.csv']);
  expect(imports).toEqual([]);
});

test('an import whose job fails shows the failure and its reason', async () => {
  const queue = app().strapi.plugin('campaigns').service('queues').queue('import');
  await queue.pause();
  const res = await postImport(
    app().strapi,
    token(),
    'Email\r\nx@example.com\r\n',
    { mapping: { Email: 'email' }, consent: { source: 'Form' } },
    'vanishing.csv'
  );
  expect(res.status).toBe(202);
  const { id } = res.body.data;
  // The uploaded file disappears before the job reads it: every attempt fails.
  const row = await app().strapi.db.connection('campaigns_imports').where({ id }).first();
  fs.rmSync(row.file_path);
  await queue.resume();

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/imports/${id}`);
  const failure = page().getByRole('alert').filter({ hasText: 'The import failed:' });
  await failure.waitFor();
  expect(await failure.innerText()).toMatch(/ENOENT|no such file/);
  await page().getByRole('status').filter({ hasText: 'Stopped. 0 rows read' }).waitFor();
  expect(await page().getByRole('button', { name: 'Download rejected rows' }).count()).toBe(0);
  expect(await app().strapi.db.connection('campaigns_imports').where({ id }).first()).toMatchObject({ state: 'failed' });
  expect(await app().strapi.plugin('campaigns').service('contacts').findByEmail('x@example.com')).toBeNull();
});
