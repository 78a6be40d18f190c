import { errors } from '@strapi/utils';
import type { Variant, VariantPreview } from '../../../../shared/contracts/experiments';
import type { FieldErrorDetail } from '../../../../shared/contracts/template-problems';
import type { Readiness } from '../sending/readiness';
import { SAMPLE_CONTACT } from '../sending/readiness';
import type { CampaignRow } from '../sending/prepared-campaign';
import { variantRow } from '../sending/variants';
import { fieldError } from '../../validation/errors';
import type { ExperimentPreviewInput } from '../../validation/experiment-preview-input';

type PreviewVariant = ExperimentPreviewInput['variants'][number];

const OVERRIDES = ['subject', 'preheader', 'fromName', 'content'] as const;

/** The panel's values as a stored variant: an empty field is one the variant does not name (the campaign's is sent). */
const asVariant = (input: PreviewVariant): Variant => ({
  key: input.key,
  name: input.name ?? input.key,
  ...Object.fromEntries(OVERRIDES.filter((field) => input[field]?.trim()).map((field) => [field, input[field]])),
});

/**
 * A template problem of the campaign render (a 400 naming the campaign's field) as the variant's:
 * `variants[1].content: ...`, its lines kept. A field the variant does not name is the campaign's
 * own, and the message says so.
 */
const asVariantError = (error: unknown, index: number, variant: Variant): unknown => {
  if (!(error instanceof errors.ValidationError)) return error;
  const detail = (error.details as { errors?: FieldErrorDetail[] } | undefined)?.errors?.[0];
  const part = detail?.path.at(-1);
  if (!detail || !part) return error;
  const own = Object.hasOwn(variant, part) ? '' : ' (the campaign’s own, which this variant does not change)';
  return fieldError('experiment', ['variants', String(index), part], `${detail.message}${own}`, detail.lines ?? []);
};

/**
 * Each variant's message as its recipients get it, from unsaved panel values: the campaign's
 * saved fields with the variant's overrides, compiled and rendered as the campaign preview does
 * (for the sample contact, links untracked). The first variant whose template fails is a 400 at
 * its field; `only` renders one variant (the panel's columns each ask for their own).
 */
export const previewVariants = async (
  readiness: Pick<Readiness, 'prepareUntracked' | 'renderPreview'>,
  campaign: CampaignRow,
  input: ExperimentPreviewInput
): Promise<VariantPreview[]> => {
  const previews: VariantPreview[] = [];
  for (const [index, typed] of input.variants.entries()) {
    if (input.only !== undefined && typed.key !== input.only) continue;
    const variant = asVariant(typed);
    const row = variantRow(campaign, variant);
    try {
      const rendered = readiness.renderPreview(await readiness.prepareUntracked(row), SAMPLE_CONTACT);
      previews.push({
        key: variant.key,
        name: variant.name,
        subject: rendered.subject,
        preheader: row.preheader ?? '',
        fromName: row.fromName ?? '',
        html: rendered.html,
        text: rendered.text,
      });
    } catch (error) {
      throw asVariantError(error, index, variant);
    }
  }
  return previews;
};
