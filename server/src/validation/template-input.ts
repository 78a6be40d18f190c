import { z } from 'zod';
import { campaignFields } from './campaign-input';
import { documentIdField } from './fields';

const templateFields = {
  name: campaignFields.name,
  description: z.string().trim().max(500, 'at most 500 characters').nullable(),
  subject: campaignFields.subject,
  preheader: campaignFields.preheader,
  content: campaignFields.content.unwrap(),
  plainText: campaignFields.plainText,
};

/** Saving a campaign as a template: its name, and the campaign whose message it keeps. */
export const templateCreateInput = z.strictObject({
  name: templateFields.name,
  description: templateFields.description.optional(),
  campaign: documentIdField,
});

/** A saved template's edit: a rename, or its message. */
export const templateUpdateInput = z.strictObject(templateFields).partial();

export type TemplateUpdateInput = z.output<typeof templateUpdateInput>;
