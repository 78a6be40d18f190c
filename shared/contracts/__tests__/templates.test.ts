import { starterKeyOf, starterRef } from '../templates';

test('a reference names a starter by its key, anything else is a saved template or nothing', () => {
  expect(starterRef('event-invitation')).toBe('starter:event-invitation');
  expect(starterKeyOf('starter:event-invitation')).toBe('event-invitation');
  expect(starterKeyOf('starter:unknown')).toBeNull();
  expect(starterKeyOf('tz4a98xxat96iws9zmbrgj3a')).toBeNull();
});
