import { z } from 'zod';
import { decodeEventCursor, type EventCursor } from './event-cursor';

/** GET /contacts/:documentId/activity query: a page of deliveries and a keyset page of events. */
export const contactActivityQuery = z.strictObject({
  deliveriesPage: z.coerce.number().int().min(1).default(1),
  deliveriesPageSize: z.coerce.number().int().min(1).max(100).default(20),
  eventsBefore: z
    .string()
    .optional()
    .transform((value, ctx): EventCursor | undefined => {
      if (value === undefined) return undefined;
      const cursor = decodeEventCursor(value);
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'not a cursor this API handed out (nextBefore)' });
      return cursor ?? undefined;
    }),
  eventsLimit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ContactActivityQuery = z.output<typeof contactActivityQuery>;
