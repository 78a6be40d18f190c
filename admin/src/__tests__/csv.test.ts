import { csvOf } from '../csv';

test('quotes what needs quoting, doubles quotes, ends lines with CRLF', () => {
  expect(
    csvOf(
      ['Link', 'Clicks'],
      [
        ['https://example.com/a,b', 3],
        ['say "hi"', 0],
        ['line\nbreak', 1],
      ]
    )
  ).toBe('Link,Clicks\r\n"https://example.com/a,b",3\r\n"say ""hi""",0\r\n"line\nbreak",1\r\n');
});

test('a text cell a spreadsheet would run as a formula starts with a quote; numbers stay numbers', () => {
  expect(csvOf(['Reason'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@sum'], [-3]])).toBe(
    'Reason\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-2\r\n\'@sum\r\n-3\r\n'
  );
});
