import { templateContactOf } from '../template-contact';

test('a row of the query engine becomes the template contact; missing fields are null, attributes an object', () => {
  expect(templateContactOf('a@x.test', { firstName: 'Ann', lastName: null, attributes: { plan: 'pro' } })).toEqual({
    email: 'a@x.test',
    firstName: 'Ann',
    lastName: null,
    locale: null,
    timezone: null,
    attributes: { plan: 'pro' },
  });
});

test('attributes read as JSON text are parsed; anything but an object becomes empty', () => {
  expect(templateContactOf('a@x.test', { attributes: '{"plan":"team"}' }).attributes).toEqual({ plan: 'team' });
  expect(templateContactOf('a@x.test', { attributes: '[1,2]' }).attributes).toEqual({});
  expect(templateContactOf('a@x.test', { attributes: 'not json' }).attributes).toEqual({});
  expect(templateContactOf('a@x.test', { attributes: null }).attributes).toEqual({});
});
