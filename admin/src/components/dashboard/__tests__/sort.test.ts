import type { DashboardCampaign } from '../../../../../shared/contracts/analytics';
import { nextSort, sortCampaigns } from '../sort';

const campaign = (documentId: string, name: string, sentAt: string, open: number | null, sent = 10): DashboardCampaign =>
  ({
    documentId,
    name,
    sentAt,
    sent,
    hardBounceRate: null,
    rates: { open, click: null, clickToOpen: null, bounce: null, complaint: null, unsubscribe: null },
  }) as DashboardCampaign;

const a = campaign('a', 'beta', '2026-12-01T00:00:00Z', 0.5);
const b = campaign('b', 'Alpha', '2026-12-03T00:00:00Z', 0.2, 30);
const c = campaign('c', 'gamma', '2026-12-02T00:00:00Z', null, 0);
const d = campaign('d', 'delta', '2026-12-04T00:00:00Z', 0.5);

test('a rate column sorts by its figure, ties newest first, campaigns without the figure last either way', () => {
  const ids = (sorted: DashboardCampaign[]) => sorted.map((x) => x.documentId);
  expect(ids(sortCampaigns([a, b, c, d], { key: 'open', direction: 'descending' }))).toEqual(['d', 'a', 'b', 'c']);
  expect(ids(sortCampaigns([a, b, c, d], { key: 'open', direction: 'ascending' }))).toEqual(['b', 'd', 'a', 'c']);
  expect(ids(sortCampaigns([a, b, c, d], { key: 'name', direction: 'ascending' }))).toEqual(['b', 'a', 'd', 'c']);
  expect(ids(sortCampaigns([a, b, c, d], { key: 'sentAt', direction: 'descending' }))).toEqual(['d', 'b', 'c', 'a']);
  expect(ids(sortCampaigns([a, b, c, d], { key: 'sent', direction: 'descending' }))).toEqual(['b', 'd', 'a', 'c']);
});

test('a new column starts descending (the name ascending); the same column again turns around', () => {
  expect(nextSort({ key: 'sentAt', direction: 'descending' }, 'open')).toEqual({ key: 'open', direction: 'descending' });
  expect(nextSort({ key: 'open', direction: 'descending' }, 'open')).toEqual({ key: 'open', direction: 'ascending' });
  expect(nextSort({ key: 'open', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
});
