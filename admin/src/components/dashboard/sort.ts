import type { DashboardCampaign } from '../../../../shared/contracts/analytics';

/** The dashboard table's columns an editor can sort by. */
export const SORT_KEYS = ['name', 'sentAt', 'sent', 'open', 'click', 'unsubscribe', 'complaint', 'hardBounce'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const valueOf = (campaign: DashboardCampaign, key: SortKey): string | number | null => {
  switch (key) {
    case 'name':
      return campaign.name.toLocaleLowerCase();
    case 'sentAt':
      return Date.parse(campaign.sentAt);
    case 'sent':
      return campaign.sent;
    case 'hardBounce':
      return campaign.hardBounceRate;
    default:
      return campaign.rates[key];
  }
};

/**
 * The campaigns in the table's order: by the sorted column, a campaign without the figure (no
 * delivery yet: its rate is null) last either way, then newest first.
 */
export const sortCampaigns = (campaigns: readonly DashboardCampaign[], { key, direction }: Sort) => {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...campaigns].sort((a, b) => {
    const [x, y] = [valueOf(a, key), valueOf(b, key)];
    if (x === null || y === null) return x === y ? Date.parse(b.sentAt) - Date.parse(a.sentAt) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
    return order * sign || Date.parse(b.sentAt) - Date.parse(a.sentAt);
  });
};

/** A header clicked: its column, descending first for figures and ascending for the name; again, the other way. */
export const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key
    ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { key, direction: key === 'name' ? 'ascending' : 'descending' };

/** At most this many campaigns side by side. */
export const COMPARE_MAX = 5;
