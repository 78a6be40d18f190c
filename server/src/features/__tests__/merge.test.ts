import { mergeByName } from '../merge';

test('merges the parts of every feature into one object', () => {
  expect(mergeByName('service', [{ a: 1 }, { b: 2 }, {}])).toEqual({ a: 1, b: 2 });
});

test('refuses a name two features declare', () => {
  expect(() => mergeByName('service', [{ a: 1 }, { a: 2 }])).toThrow('two features declare the service "a"');
});
