import { withShares } from '../shares';

test("each row gets its share of the rows' total", () => {
  const rows = withShares([
    { device: 'desktop', count: 3 },
    { device: 'mobile', count: 1 },
  ]);
  expect(rows).toEqual([
    { device: 'desktop', count: 3, share: 0.75 },
    { device: 'mobile', count: 1, share: 0.25 },
  ]);
});

test('rows that count nobody share 0, never NaN', () => {
  expect(withShares([{ client: 'unknown', count: 0 }])).toEqual([{ client: 'unknown', count: 0, share: 0 }]);
  expect(withShares([])).toEqual([]);
});
