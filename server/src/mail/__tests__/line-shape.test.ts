import { lineShape } from '../line-shape';

test('a piece without line breaks is all head', () => {
  expect(lineShape('hello')).toMatchObject({
    ascii: true,
    head: 5,
    tail: 5,
    breaks: false,
    crlf: true,
    innerFit: true,
    innerDotFree: true,
    startsWithDot: false,
  });
  expect(lineShape('.x').startsWithDot).toBe(true);
});

test('head and tail are UTF-8 bytes; the lines between are judged', () => {
  expect(lineShape('Zoë\r\nmiddle\r\nété')).toMatchObject({ ascii: false, head: 4, tail: 5, breaks: true, crlf: true, innerFit: true });
  expect(lineShape(`a\r\n${'x'.repeat(998)}\r\nb`).innerFit).toBe(true);
  expect(lineShape(`a\r\n${'x'.repeat(999)}\r\nb`).innerFit).toBe(false);
  // 500 two-byte characters are 1,000 octets: too long, though 500 characters.
  expect(lineShape(`a\r\n${'é'.repeat(500)}\r\nb`).innerFit).toBe(false);
  expect(lineShape(`a\r\n${'é'.repeat(499)}\r\nb`).innerFit).toBe(true);
  // The first line's length is the caller's to judge: it may continue a line.
  expect(lineShape(`${'x'.repeat(2000)}\r\nb`)).toMatchObject({ head: 2000, innerFit: true });
  expect(lineShape('a\r\n.b').innerDotFree).toBe(false);
  expect(lineShape('a\r\nb\r\n').tail).toBe(0);
});

test('any bare CR or LF is reported', () => {
  expect(lineShape('a\nb').crlf).toBe(false);
  expect(lineShape('a\rb').crlf).toBe(false);
  expect(lineShape('a\r\nb\r').crlf).toBe(false);
  expect(lineShape('\nb').crlf).toBe(false);
  expect(lineShape('a\r\n\r\nb').crlf).toBe(true);
});
