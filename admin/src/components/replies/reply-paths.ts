import type { ReplyClass } from '../../../../shared/contracts/replies';
import { PLUGIN_ID } from '../../pluginId';
import type { HandledFilter } from './ReplyFilters';

/** The inbox's address, filtered (the campaign report's counts link to a campaign's replies of one class). */
export const repliesPath = (filters: { campaign?: string; class?: ReplyClass; handled?: HandledFilter } = {}) => {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return `/plugins/${PLUGIN_ID}/replies${params ? `?${params}` : ''}`;
};

/** One reply in the reader. */
export const replyPath = (id: number) => `/plugins/${PLUGIN_ID}/replies/${id}`;
