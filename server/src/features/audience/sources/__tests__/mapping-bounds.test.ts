import type { Core } from '@strapi/strapi';
import { createMapping } from '../mapping';
import type { AudienceSource } from '../resolve';

const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

const warn = jest.fn();
const mapping = createMapping({ log: { warn } } as unknown as Core.Strapi);
const source = {
  uid: 'api::member.member',
  emailField: 'email',
  fields: { firstName: 'firstName', 'attribute:profile': 'profile', 'attribute:plan': 'plan' },
} as unknown as AudienceSource;

beforeEach(() => warn.mockClear());

test.each([40, 10_000])('a source JSON value nested %d levels deep is left out with a warning; the other fields still map', (levels) => {
  const { columns, attributes } = mapping.mapFields(source, 'doc1', { id: 1, firstName: 'Ada', profile: nested(levels), plan: 'pro' });
  expect(columns).toEqual({ firstName: 'Ada' });
  expect(attributes).toEqual({ plan: 'pro' });
  expect(warn).toHaveBeenCalledWith(
    expect.stringContaining("profile left out of the contact's attributes: nested deeper than 32 levels (at profile.a.a…)")
  );
});

test('a value within the bounds maps as JSON', () => {
  const profile = { address: { city: 'Lyon' }, tags: ['a', 'b'] };
  expect(mapping.mapFields(source, 'doc1', { id: 1, profile }).attributes).toEqual({ profile });
  expect(warn).not.toHaveBeenCalled();
});

test('merged attributes past the bounds are left out with a warning, not thrown', () => {
  expect(mapping.checkAttributes(source, 'doc1', { profile: nested(5000) as Record<string, unknown> })).toBeUndefined();
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('mapped attributes left out: nested deeper than 32 levels'));
});
