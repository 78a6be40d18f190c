import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { MAX_CALENDAR_DAYS, type CalendarEntry } from '../../../../shared/contracts/schedule';
import { TABLES, UID } from '../../constants';
import { fieldError, parseOrThrow } from '../../validation/errors';

const DAY = 86_400_000;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant, such as 2026-12-01T00:00:00Z' });

const rangeInput = z.strictObject({ from: instant, to: instant });

interface Row {
  id: number;
  documentId: string;
  name: string;
  state: CalendarEntry['state'];
  sendAt?: string | Date | null;
  schedule?: CalendarEntry['schedule'];
  scheduleVersion?: number | null;
}

/**
 * The campaigns of a span of days, for the calendar: those scheduled to start in it, and those
 * whose send started in it (the send records keep when). At most MAX_CALENDAR_DAYS at once.
 */
export const calendarOf = (strapi: Core.Strapi) => async (query: unknown) => {
  const range = parseOrThrow(rangeInput, query, 'calendar range');
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (to <= from) throw fieldError('calendar range', 'to', 'must be after from');
  if (to - from > MAX_CALENDAR_DAYS * DAY) throw fieldError('calendar range', 'to', `must be at most ${MAX_CALENDAR_DAYS} days after from`);

  const campaigns = strapi.db.query(UID.campaign);
  const scheduled = (await campaigns.findMany({
    where: { state: 'scheduled', sendAt: { $gte: new Date(from), $lt: new Date(to) } },
    select: ['id', 'documentId', 'name', 'state', 'sendAt', 'schedule', 'scheduleVersion'],
    orderBy: { sendAt: 'asc' },
  })) as Row[];
  const starts: Array<{ campaign_id: number; started_at: number | string }> = await strapi.db
    .connection(TABLES.sends)
    .select('campaign_id', 'started_at')
    .where('started_at', '>=', from)
    .where('started_at', '<', to);
  const startedAt = new Map(starts.map((s) => [Number(s.campaign_id), Number(s.started_at)]));
  const went = startedAt.size
    ? ((await campaigns.findMany({
        where: { id: { $in: [...startedAt.keys()] }, state: { $ne: 'scheduled' } },
        select: ['id', 'documentId', 'name', 'state', 'schedule', 'scheduleVersion'],
      })) as Row[])
    : [];

  const entries: CalendarEntry[] = [
    ...scheduled.map((row) => ({ row, at: new Date(row.sendAt!).getTime() })),
    ...went.map((row) => ({ row, at: startedAt.get(row.id)! })),
  ]
    .sort((a, b) => a.at - b.at)
    .map(({ row, at }) => ({
      documentId: row.documentId,
      name: row.name,
      state: row.state,
      at: new Date(at).toISOString(),
      schedule: row.schedule ?? null,
      version: Number(row.scheduleVersion ?? 0),
    }));
  return entries;
};
