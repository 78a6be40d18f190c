import { useGroupApp } from '../../helpers/integration-group';

const { strapi } = useGroupApp();
const service = (name: string) => strapi().plugin('campaigns').service(name);

let newsletter: string;

beforeAll(async () => {
  newsletter = (await service('topics').create({ name: 'Newsletter' })).documentId;
  const people = [
    { email: 'anne@example.com', firstName: 'Anne', locale: 'fr', topics: [newsletter] },
    { email: 'bob@example.com', firstName: 'Bob', locale: 'en', topics: [newsletter] },
    { email: 'carla@example.org', firstName: 'Carla', locale: 'fr-CA' },
    { email: 'dan@example.org', firstName: "D'Angelo", locale: 'en' },
    { email: 'eve@example.net', firstName: '100%_sure', locale: 'de' },
  ];
  for (const person of people) await service('contacts').create(person);
});

const count = async (rules: unknown) => {
  const segment = await service('segments').create({ name: `s-${Math.random()}`, rules });
  return service('segments').countMailable(segment.documentId);
};

test('counts mailable contacts by field, topic and nested groups', async () => {
  expect(await count({ match: 'all', rules: [] })).toBe(5);
  expect(await count({ match: 'all', rules: [{ field: 'locale', operator: 'startsWith', value: 'fr' }] })).toBe(2);
  expect(await count({ match: 'all', rules: [{ field: 'topic', operator: 'memberOfAny', value: [newsletter] }] })).toBe(2);
  expect(await count({ match: 'all', rules: [{ field: 'topic', operator: 'memberOfNone', value: [newsletter] }] })).toBe(3);
  expect(
    await count({
      match: 'any',
      rules: [
        { field: 'email', operator: 'endsWith', value: '@EXAMPLE.NET' },
        {
          match: 'all',
          rules: [
            { field: 'locale', operator: 'eq', value: 'en' },
            { field: 'topic', operator: 'memberOfAny', value: [newsletter] },
          ],
        },
      ],
    })
  ).toBe(2);
});

test('leaves out unsubscribed and suppressed contacts', async () => {
  const bob = await service('contacts').findByEmail('bob@example.com');
  await service('contacts').setState(bob.documentId, 'unsubscribed');
  await service('suppressions').add({ email: 'ANNE@example.com', reason: 'complaint' });
  expect(await count({ match: 'all', rules: [{ field: 'topic', operator: 'memberOfAny', value: [newsletter] }] })).toBe(0);
  expect(await count({ match: 'all', rules: [] })).toBe(3);
  await service('suppressions').add({ email: 'carla@example.org', reason: 'manual', expiresAt: '2000-01-01T00:00:00Z' });
  expect(await count({ match: 'all', rules: [] })).toBe(3);
});

test('matches values literally: quotes, wildcards and SQL in values are only data', async () => {
  expect(await count({ match: 'all', rules: [{ field: 'firstName', operator: 'eq', value: "D'Angelo" }] })).toBe(1);
  expect(await count({ match: 'all', rules: [{ field: 'firstName', operator: 'contains', value: '%_' }] })).toBe(1);
  expect(await count({ match: 'all', rules: [{ field: 'firstName', operator: 'contains', value: '_' }] })).toBe(1);
  expect(await count({ match: 'all', rules: [{ field: 'email', operator: 'eq', value: "' OR '1'='1" }] })).toBe(0);
  expect(
    await count({ match: 'all', rules: [{ field: 'email', operator: 'contains', value: "x' OR 1=1; DROP TABLE campaigns_contacts; --" }] })
  ).toBe(0);
  expect(await strapi().documents('plugin::campaigns.contact').count({})).toBe(5);
});

describe('refuses invalid rules on save, naming the problem', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['an unknown field', { match: 'all', rules: [{ field: 'password', operator: 'eq', value: 'x' }] }, /rules/],
    ['a field name carrying SQL', { match: 'all', rules: [{ field: 'email; DROP TABLE x', operator: 'eq', value: 'x' }] }, /rules/],
    ['an unknown operator', { match: 'all', rules: [{ field: 'email', operator: 'regex', value: '.*' }] }, /rules/],
    [
      'an unknown topic',
      { match: 'all', rules: [{ field: 'topic', operator: 'memberOfAny', value: ['nosuchtopic'] }] },
      /rules: unknown topic "nosuchtopic"/,
    ],
    ['a bad group', { match: 'some', rules: [] }, /rules\.match/],
    [
      'too deep',
      [1, 2, 3, 4, 5, 6, 7].reduce<unknown>((inner) => ({ match: 'all', rules: [inner] }), { match: 'all', rules: [] }),
      /nested 8 groups deep/,
    ],
  ];
  test.each(cases)('%s', async (_label, rules, message) => {
    const before = await strapi().documents('plugin::campaigns.segment').count({});
    await expect(service('segments').create({ name: 'bad', rules })).rejects.toThrow(message);
    expect(await strapi().documents('plugin::campaigns.segment').count({})).toBe(before);
  });
});
