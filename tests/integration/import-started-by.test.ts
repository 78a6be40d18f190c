import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getService } from '../../server/src/services/get-service';
import { adminWithActions, bearer, http, registerSuperAdmin } from '../helpers/admin';
import { postImport, waitForImport } from '../helpers/imports';
import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await bootTestApp();
  token = await registerSuperAdmin(app.strapi);
});
afterAll(() => stopTestApp(app));

const options = { mapping: { Email: 'email' }, consent: { source: 'History test' } };
const file = 'Email\r\na@example.com\r\n';

test('the history names the admin who started each import, and no one for an import started by code', async () => {
  const byAda = await postImport(app.strapi, token, file, options, 'by-ada.csv');
  expect(byAda.status).toBe(202);
  expect(byAda.body.data).toMatchObject({ fileName: 'by-ada.csv', createdByName: 'Ada Admin' });
  await waitForImport(app.strapi, token, byAda.body.data.id);

  const editor = await adminWithActions(app.strapi, 'editor@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write']);
  const byEditor = await postImport(app.strapi, editor, file, options, 'by-editor.csv');
  expect(byEditor.status).toBe(202);
  await waitForImport(app.strapi, token, byEditor.body.data.id);

  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'by-code-'));
  const upload = { path: path.join(folder, 'by-code.csv'), name: 'by-code.csv', size: Buffer.byteLength(file) };
  await fs.writeFile(upload.path, file);
  const byCode = await getService(app.strapi, 'imports').create(upload, options, null);
  await fs.rm(folder, { recursive: true });
  await waitForImport(app.strapi, token, byCode.id);

  const res = await http(app.strapi).get('/campaigns/imports').set(bearer(token));
  expect(res.status).toBe(200);
  expect(res.body.data.map((i: { fileName: string; createdByName: string | null }) => [i.fileName, i.createdByName])).toEqual([
    ['by-code.csv', null],
    ['by-editor.csv', 'Test User'],
    ['by-ada.csv', 'Ada Admin'],
  ]);
  const one = await http(app.strapi).get(`/campaigns/imports/${byEditor.body.data.id}`).set(bearer(token));
  expect(one.body.data).toMatchObject({ state: 'done', createdByName: 'Test User' });
});

test('an admin deleted since is no one, not an error', async () => {
  const admin = await app.strapi.db.query('admin::user').findOne({ where: { email: 'editor@example.com' } });
  await app.strapi.db.query('admin::user').delete({ where: { id: admin.id } });
  const res = await http(app.strapi).get('/campaigns/imports').set(bearer(token));
  expect(res.status).toBe(200);
  expect(res.body.data.find((i: { fileName: string }) => i.fileName === 'by-editor.csv')).toMatchObject({ createdBy: admin.id, createdByName: null });
});
