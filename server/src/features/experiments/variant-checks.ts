import type { Variant, VariantField } from '../../../../shared/contracts/experiments';
import { checkContentSource } from '../../content/compile';
import { TemplateError } from '../../content/liquid';
import { fieldError } from '../../validation/errors';
import { withSampleEntries } from '../content-blocks/expand';

/** The campaign's own message: what a variant's unnamed fields are. */
export interface CampaignMessage {
  subject: string | null;
  preheader: string | null;
  fromName: string | null;
  content: string | null;
}

export interface VariantProblem {
  /** `['variants', '2', 'sendAt']`, or `['variants', '2']` for the variant as a whole. */
  path: string[];
  message: string;
  /** The variant's index, and the field at fault (none when the whole message is). */
  variant: number;
  field?: VariantField;
  /** The earlier variant whose message this one repeats. */
  twin?: number;
}

/** Where a variant's field is named in a refusal: the variant's own field unless told (a factorial test names its level). */
export type VariantFieldPath = (variant: number, field: string) => string[];

const ownField: VariantFieldPath = (variant, field) => ['variants', String(variant), field];

/** The fields that make two variants' messages differ; a send time is compared as the instant it names. */
const messageOf = (variant: Variant, campaign: CampaignMessage) => [
  variant.subject ?? campaign.subject ?? '',
  variant.preheader ?? campaign.preheader ?? '',
  variant.fromName ?? campaign.fromName ?? '',
  variant.content ?? campaign.content ?? '',
  variant.sendAt === undefined ? '' : String(Date.parse(variant.sendAt)),
];

const sameMessage = (a: readonly string[], b: readonly string[]) => a.every((value, i) => value === b[i]);

/**
 * What a variant's own fields cannot say without the campaign or the clock: a send time already
 * past, or a message no different from an earlier variant's (a test of two equal messages can
 * only report noise). The first problem, in the variants' order; null when there is none.
 */
export const variantProblem = (variants: readonly Variant[], campaign: CampaignMessage, now: number): VariantProblem | null => {
  const messages = variants.map((variant) => messageOf(variant, campaign));
  for (const [index, variant] of variants.entries()) {
    if (variant.sendAt !== undefined && Date.parse(variant.sendAt) <= now) {
      return {
        path: ownField(index, 'sendAt'),
        message: `${variant.sendAt} is in the past: a send-time variant goes out later than now`,
        variant: index,
        field: 'sendAt',
      };
    }
    const twin = messages.findIndex((message, earlier) => earlier < index && sameMessage(message, messages[index]));
    if (twin !== -1) {
      const control = twin === 0 ? ' (the control)' : '';
      return {
        path: ['variants', String(index)],
        message: `sends the same message as variants[${twin}]${control}: give it a subject, preheader, from name, content or send time of its own`,
        variant: index,
        twin,
      };
    }
  }
  return null;
};

/**
 * Each variant's own subject, preheader and content checked as a campaign's are at save (only
 * documented variables, valid MJML, entries blocks standing in for a sample entry): a 400 naming
 * the variant's field (`pathOf` names it), with the lines the problem is at. Fields a variant does
 * not name are the campaign's, checked when it was saved.
 */
export const checkVariantContent = async (variants: readonly Variant[], pathOf: VariantFieldPath = ownField) => {
  for (const [index, variant] of variants.entries()) {
    if (variant.subject === undefined && variant.preheader === undefined && variant.content === undefined) continue;
    try {
      await checkContentSource({
        subject: variant.subject ?? null,
        preheader: variant.preheader ?? null,
        content: variant.content === undefined ? null : withSampleEntries(variant.content),
        plainText: null,
      });
    } catch (error) {
      if (error instanceof TemplateError) throw fieldError('experiment', pathOf(index, error.part), error.detail, error.problems);
      throw error;
    }
  }
};
