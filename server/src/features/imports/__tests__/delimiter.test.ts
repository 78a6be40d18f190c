import { delimiterInSingleColumn, describeDelimiter, detectDelimiter } from '../delimiter';

test.each([
  ['email,first name\na@x.io,Ann\nb@x.io,Bob\n', ','],
  ['email;first name\na@x.io;Doe, Ann\nb@x.io;Bob\n', ';'],
  ['email\tname\ta\na@x.io\tAnn\tx\n', '\t'],
  ['email|name\na@x.io|Ann\n', '|'],
  ['email\na@x.io\n', ','],
  ['email,"name; with | stuff"\na@x.io,"Ann\nmultiline; x"\nb@x.io,B\n', ','],
  ['a;b;c\n1;2;3\n4;5;6\n7,8', ';'],
])('detects the delimiter of %j', (sample, expected) => {
  expect(detectDelimiter(sample)).toBe(expected);
});

test('a one-column header that holds another delimiter names it', () => {
  expect(delimiterInSingleColumn(['email;name'], ',')).toBe(';');
  expect(delimiterInSingleColumn(['email\tname'], ',')).toBe('\t');
  expect(delimiterInSingleColumn(['email'], ',')).toBeUndefined();
  expect(delimiterInSingleColumn(['email', 'name'], ',')).toBeUndefined();
  expect(describeDelimiter('\t')).toBe('tab');
  expect(describeDelimiter(';')).toBe('";"');
});
