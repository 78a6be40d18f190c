import { createDocumentId } from '../document-id';

test('document ids have the form Strapi gives them, and do not repeat', () => {
  const ids = Array.from({ length: 20000 }, createDocumentId);
  for (const id of ids.slice(0, 500)) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
  expect(new Set(ids).size).toBe(ids.length);
});
