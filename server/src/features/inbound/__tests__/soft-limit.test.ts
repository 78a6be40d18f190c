import { campaignsBefore, limitCrossings } from '../soft-limit';

const DAY = 86_400_000;
const WINDOW = 30 * DAY;

test('retries of one campaign count once; the third distinct campaign crosses the limit', () => {
  const bounces = [
    { campaignId: 1, at: 1 * DAY },
    { campaignId: 1, at: 2 * DAY },
    { campaignId: 1, at: 3 * DAY },
    { campaignId: 2, at: 4 * DAY },
    { campaignId: 3, at: 5 * DAY, crossing: true },
    { campaignId: 4, at: 6 * DAY },
  ];
  expect(campaignsBefore(bounces, 3 * DAY, WINDOW)).toBe(1);
  expect(campaignsBefore(bounces, 4 * DAY, WINDOW)).toBe(2);
  expect(limitCrossings(bounces, 3, WINDOW)).toEqual([expect.objectContaining({ campaignId: 3, crossing: true })]);
  // Whatever order they are read in.
  expect(limitCrossings([...bounces].reverse(), 3, WINDOW)).toEqual([expect.objectContaining({ crossing: true })]);
});

test('after a crossing the count starts again', () => {
  const bounces = [1, 2, 3, 4, 5, 6, 7].map((campaignId) => ({ campaignId, at: campaignId * DAY }));
  expect(limitCrossings(bounces, 3, WINDOW).map((b) => b.campaignId)).toEqual([3, 6]);
});

test('bounces older than the window do not count', () => {
  const bounces = [
    { campaignId: 1, at: 0 },
    { campaignId: 2, at: 31 * DAY },
    { campaignId: 3, at: 32 * DAY },
  ];
  expect(limitCrossings(bounces, 3, WINDOW)).toEqual([]);
  expect(limitCrossings([...bounces, { campaignId: 1, at: 33 * DAY }], 3, WINDOW)).toEqual([expect.objectContaining({ at: 33 * DAY })]);
});
