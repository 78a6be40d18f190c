import { z } from 'zod';
import { MAX_VARIANTS } from '../../../shared/contracts/experiments';

/** A field being typed: anything a campaign's field may hold, empty meaning "the campaign's". */
const typed = (max: number) => z.string().max(max, `at most ${max} characters`).nullish();

/**
 * What the A/B panel's preview sends: its variants as they are typed, unsaved and maybe unfinished
 * (a missing name, an empty field), so only what a render needs is checked; saving checks the rest.
 */
export const experimentPreviewInput = z
  .strictObject({
    variants: z
      .array(
        z.strictObject({
          key: z.string().min(1, 'must not be empty').max(16, 'at most 16 characters'),
          name: z.string().max(100, 'at most 100 characters').optional(),
          subject: typed(998),
          preheader: typed(255),
          fromName: typed(200),
          content: typed(2 * 1024 * 1024),
          sendAt: z.string().nullish(),
        }),
        'must be a list of variants'
      )
      .min(1, `must have 1 to ${MAX_VARIANTS} variants`)
      .max(MAX_VARIANTS, `must have 1 to ${MAX_VARIANTS} variants`),
    only: z.string().optional(),
  })
  .superRefine(({ variants, only }, ctx) => {
    const keys = variants.map((v) => v.key);
    if (only !== undefined && !keys.includes(only))
      ctx.addIssue({ code: 'custom', path: ['only'], message: `must be one of ${keys.join(', ')}` });
  });

export type ExperimentPreviewInput = z.output<typeof experimentPreviewInput>;
