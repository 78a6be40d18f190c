import { cellsOf } from '../factorial-cells';

const subject = {
  field: 'subject' as const,
  levels: [
    { name: 'Short', value: 'Sale' },
    { name: 'Long', value: 'Our winter sale starts now' },
  ],
};
const sendAt = {
  field: 'sendAt' as const,
  levels: [
    { name: 'Morning', value: '2030-01-01T08:00:00+01:00' },
    { name: 'Evening', value: '2030-01-01T19:00:00+01:00' },
  ],
};
const fromName = {
  field: 'fromName' as const,
  levels: [
    { name: 'Brand', value: 'Acme' },
    { name: 'Person', value: 'Ann at Acme' },
  ],
};

test('every combination of the levels, the first factor slowest, keyed A, B, C… with A the control', () => {
  const cells = cellsOf([subject, sendAt]);
  expect(cells).toEqual([
    {
      key: 'A',
      name: 'Subject: Short · Send time: Morning',
      subject: 'Sale',
      sendAt: sendAt.levels[0].value,
      cell: { subject: 'Short', sendAt: 'Morning' },
    },
    {
      key: 'B',
      name: 'Subject: Short · Send time: Evening',
      subject: 'Sale',
      sendAt: sendAt.levels[1].value,
      cell: { subject: 'Short', sendAt: 'Evening' },
    },
    {
      key: 'C',
      name: 'Subject: Long · Send time: Morning',
      subject: subject.levels[1].value,
      sendAt: sendAt.levels[0].value,
      cell: { subject: 'Long', sendAt: 'Morning' },
    },
    {
      key: 'D',
      name: 'Subject: Long · Send time: Evening',
      subject: subject.levels[1].value,
      sendAt: sendAt.levels[1].value,
      cell: { subject: 'Long', sendAt: 'Evening' },
    },
  ]);
});

test('three factors of two levels make the eight cells of a full factorial, each combination once', () => {
  const cells = cellsOf([subject, sendAt, fromName]);
  expect(cells.map((c) => c.key)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
  expect(new Set(cells.map((c) => JSON.stringify(c.cell))).size).toBe(8);
  for (const factor of [subject, sendAt, fromName]) {
    for (const level of factor.levels) expect(cells.filter((c) => c.cell?.[factor.field] === level.name)).toHaveLength(4);
  }
});

test('one factor is an A/B test whose variants carry their level names', () => {
  expect(cellsOf([fromName]).map((c) => [c.key, c.fromName, c.cell])).toEqual([
    ['A', 'Acme', { fromName: 'Brand' }],
    ['B', 'Ann at Acme', { fromName: 'Person' }],
  ]);
});
