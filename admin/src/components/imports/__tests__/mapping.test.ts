import { fromTarget, mappingProblems, toTarget, type ColumnMapping } from '../mapping';

const column = (choice: ColumnMapping['choice'], attribute = ''): ColumnMapping => ({ choice, attribute });

test('a suggested target becomes the wizard choice and back', () => {
  expect(fromTarget('email')).toEqual(column('email'));
  expect(fromTarget('attribute:plan')).toEqual(column('attribute', 'plan'));
  expect(fromTarget(undefined)).toEqual(column('ignore'));
  expect(toTarget(column('attribute', ' plan '))).toBe('attribute:plan');
  expect(toTarget(column('firstName'))).toBe('firstName');
});

test('a mapping with one email column and distinct targets has no problem', () => {
  expect(
    mappingProblems({ Mail: column('email'), Plan: column('attribute', 'plan'), Notes: column('ignore'), Other: column('ignore') })
  ).toEqual([]);
});

test('a mapping without an email column says so', () => {
  expect(mappingProblems({ Name: column('firstName') })).toEqual([{ kind: 'noEmail' }]);
});

test('an invalid attribute name is named by its column, and the column counts for no target', () => {
  expect(mappingProblems({ Mail: column('email'), '2nd': column('attribute', '2nd'), Plan: column('attribute', '2nd') })).toEqual([
    { kind: 'badAttribute', column: '2nd' },
    { kind: 'badAttribute', column: 'Plan' },
  ]);
});

test('columns feeding the same field or attribute are listed together', () => {
  expect(
    mappingProblems({
      A: column('email'),
      B: column('email'),
      C: column('attribute', 'plan'),
      D: column('attribute', 'plan'),
      E: column('lastName'),
    })
  ).toEqual([
    { kind: 'sameTarget', columns: ['A', 'B'], target: 'email' },
    { kind: 'sameTarget', columns: ['C', 'D'], target: 'attribute:plan' },
  ]);
});
