import { z } from 'zod';
import { ADMIN_SETTABLE_STATES } from '../../../../../shared/contracts/contacts';

/**
 * POST /contacts/:documentId/state `data`. The admin gives the consent's source and the text the
 * person agreed to; the time and the admin's IP are added by the server.
 */
export const contactStateInput = z
  .strictObject({
    state: z.enum(ADMIN_SETTABLE_STATES, {
      error: `must be one of ${ADMIN_SETTABLE_STATES.join(', ')} (bounced and complained come from delivery events)`,
    }),
    consent: z
      .strictObject({
        source: z.string().trim().min(1, 'say where the consent was given').max(255),
        text: z.string().trim().min(1, 'give the text the person agreed to').max(4000),
      })
      .optional(),
  })
  .refine((v) => v.state === 'subscribed' || !v.consent, { path: ['consent'], message: 'only a resubscribe takes a consent record' });

export type ContactStateInput = z.output<typeof contactStateInput>;
