import { hashEmail } from '../../../../validation/email';
import { addManyInput, addOneInput, checkEntries, MAX_LISTED_PROBLEMS, removeInput, splitPaste } from '../input';

test('a paste splits on lines, commas and semicolons, keeping each entry its line and skipping blanks', () => {
  expect(splitPaste('a@x.test\r\nb@x.test, c@x.test;d@x.test\n\n ;, \ne@x.test')).toEqual([
    { line: 1, value: 'a@x.test' },
    { line: 2, value: 'b@x.test' },
    { line: 2, value: 'c@x.test' },
    { line: 2, value: 'd@x.test' },
    { line: 5, value: 'e@x.test' },
  ]);
  expect(splitPaste(' \n ,;\n')).toEqual([]);
});

test('entries are normalised, the first of each address wins (case of the domain and of the local part alike), and bad ones are named with their line', () => {
  const checked = checkEntries([
    { line: 1, value: 'Ann@Example.COM' },
    { line: 2, value: 'not-an-address' },
    { line: 3, value: 'ann@example.com' },
    { line: 4, value: 'ANN@example.com' },
    { line: 5, value: "'=bob@example.com" },
    { line: 6, value: 'bob@' },
  ]);
  // The quote an export puts before a formula character is dropped, as the contact import does.
  expect(checked.addresses).toEqual([
    { email: 'Ann@example.com', emailHash: hashEmail('Ann@example.com') },
    { email: '=bob@example.com', emailHash: hashEmail('=bob@example.com') },
  ]);
  expect(checked.duplicates).toBe(2);
  expect(checked.invalid).toEqual([
    { line: 2, entry: 'not-an-address', reason: '"not-an-address" is not an email address (expected name@domain)' },
    { line: 6, entry: 'bob@', reason: '"bob@" is not an email address (expected name@domain)' },
  ]);
  expect(checked.invalidCount).toBe(2);
});

test('a report lists the first problems and counts them all', () => {
  const many = Array.from({ length: MAX_LISTED_PROBLEMS + 50 }, (_, i) => ({ line: i + 1, value: `bad${i}` }));
  const checked = checkEntries(many);
  expect(checked.invalid).toHaveLength(MAX_LISTED_PROBLEMS);
  expect(checked.invalidCount).toBe(MAX_LISTED_PROBLEMS + 50);
});

test('a topic-scoped add names its topic, a global one none; unknown reasons and scopes are refused', () => {
  expect(addOneInput.safeParse({ email: 'a@x.test' }).data).toMatchObject({ email: 'a@x.test', reason: 'manual', scope: 'global' });
  expect(addOneInput.safeParse({ email: 'a@x.test', scope: 'topic' }).error?.issues[0]).toMatchObject({ path: ['topic'] });
  expect(addOneInput.safeParse({ email: 'a@x.test', topic: 'abc' }).error?.issues[0]).toMatchObject({ path: ['topic'] });
  expect(addOneInput.safeParse({ email: 'a@x.test', reason: 'because' }).success).toBe(false);
  expect(addManyInput.safeParse({ addresses: 'a@x.test', scope: 'everywhere' }).success).toBe(false);
});

test('a removal needs a note that is more than spaces', () => {
  expect(removeInput.safeParse({}).success).toBe(false);
  expect(removeInput.safeParse({ note: '   ' }).success).toBe(false);
  expect(removeInput.parse({ note: ' asked by phone ' })).toEqual({ note: 'asked by phone' });
});
