import { Text } from '@codemirror/state';
import { lineDiagnostics, problemsKey } from '../line-diagnostics';

const doc = Text.of(['<mjml>', '  <mj-body>', '    <mj-text>{{ contct.name }}</mj-text>', '', '</mjml>']);

test('a problem underlines its line from the end of the indentation', () => {
  const [diagnostic] = lineDiagnostics(doc, [{ line: 3, message: 'unknown variable "contct.name"' }]);
  const line = doc.line(3);
  expect(diagnostic).toEqual({
    from: line.from + 4,
    to: line.to,
    severity: 'error',
    message: 'unknown variable "contct.name"',
    source: 'MJML',
  });
});

test('an empty line is marked at its start, and a line outside the text at the nearest line', () => {
  const [empty, past, before] = lineDiagnostics(doc, [
    { line: 4, message: 'a' },
    { line: 40, message: 'b' },
    { line: 0, message: 'c' },
  ]);
  expect([empty.from, empty.to]).toEqual([doc.line(4).from, doc.line(4).from]);
  expect([past.from, past.to]).toEqual([doc.line(5).from, doc.line(5).to]);
  expect([before.from, before.to]).toEqual([doc.line(1).from, doc.line(1).to]);
});

test('the key changes with the problems, not with a new array of the same ones', () => {
  expect(problemsKey([{ line: 1, message: 'x' }])).toBe(problemsKey([{ line: 1, message: 'x' }]));
  expect(problemsKey([{ line: 1, message: 'x' }])).not.toBe(problemsKey([{ line: 2, message: 'x' }]));
  expect(problemsKey([])).toBe('');
});
