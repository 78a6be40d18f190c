import { z } from 'zod';
import { documentIdField, emailField, headerText, templateRefField } from './fields';

const MAX_CONTENT = 2 * 1024 * 1024;

/** Each field's rules; templates (template-input.ts) take the message's from here. */
export const campaignFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  subject: headerText(998).nullable(),
  preheader: headerText(255).nullable(),
  fromName: headerText(200).nullable(),
  fromEmail: emailField.nullable(),
  replyTo: emailField.nullable(),
  contentFormat: z.enum(['mjml', 'blocks']),
  content: z.string().max(MAX_CONTENT, 'at most 2 MB').nullable(),
  plainText: z.string().max(MAX_CONTENT, 'at most 2 MB').nullable(),
  segment: documentIdField.nullable(),
  topic: documentIdField.nullable(),
};

const campaignShape = z.strictObject(campaignFields);

/** What an editor may write; `state` and counters change only through the send flow, `sendAt` and the schedule only through scheduling. */
/** A new campaign may start from a template (`template`): its subject, preheader and content, unless the input sets them. */
export const campaignCreateInput = campaignShape.extend({ template: templateRefField }).partial().required({ name: true });
export const campaignUpdateInput = campaignShape.partial();

export type CampaignCreateInput = z.output<typeof campaignCreateInput>;
export type CampaignUpdateInput = z.output<typeof campaignUpdateInput>;
