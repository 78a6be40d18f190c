import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { adminWithActions } from '../../helpers/admin';
import { postImport, waitForImport } from '../../helpers/imports';
import { useGroupApp } from '../../helpers/integration-group';

const { strapi, token, auth, api, service } = useGroupApp();

const options = { mapping: { Email: 'email' }, consent: { source: 'History test' } };
const file = 'Email\r\na@example.com\r\n';

test('the history names the admin who started each import, and no one for an import started by code', async () => {
  const byAda = await postImport(strapi(), token(), file, options, 'by-ada.csv');
  expect(byAda.status).toBe(202);
  expect(byAda.body.data).toMatchObject({ fileName: 'by-ada.csv', createdByName: 'Ada Admin' });
  await waitForImport(strapi(), token(), byAda.body.data.id);

  const editor = await adminWithActions(strapi(), 'editor@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write']);
  const byEditor = await postImport(strapi(), editor, file, options, 'by-editor.csv');
  expect(byEditor.status).toBe(202);
  await waitForImport(strapi(), token(), byEditor.body.data.id);

  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'by-code-'));
  const upload = { path: path.join(folder, 'by-code.csv'), name: 'by-code.csv', size: Buffer.byteLength(file) };
  await fs.writeFile(upload.path, file);
  const byCode = await service('imports').create(upload, options, null);
  await fs.rm(folder, { recursive: true });
  await waitForImport(strapi(), token(), byCode.id);

  const res = await api().get('/campaigns/imports').set(auth());
  expect(res.status).toBe(200);
  expect(res.body.data.map((i: { fileName: string; createdByName: string | null }) => [i.fileName, i.createdByName])).toEqual([
    ['by-code.csv', null],
    ['by-editor.csv', 'Test User'],
    ['by-ada.csv', 'Ada Admin'],
  ]);
  const one = await api().get(`/campaigns/imports/${byEditor.body.data.id}`).set(auth());
  expect(one.body.data).toMatchObject({ state: 'done', createdByName: 'Test User' });
});

test('an admin deleted since is no one, not an error', async () => {
  const admin = await strapi()
    .db.query('admin::user')
    .findOne({ where: { email: 'editor@example.com' } });
  await strapi()
    .db.query('admin::user')
    .delete({ where: { id: admin.id } });
  const res = await api().get('/campaigns/imports').set(auth());
  expect(res.status).toBe(200);
  expect(res.body.data.find((i: { fileName: string }) => i.fileName === 'by-editor.csv')).toMatchObject({
    createdBy: admin.id,
    createdByName: null,
  });
});
