import { canEditField, type CampaignState } from '../../../../shared/contracts/campaign-lifecycle';
import type { Campaign, CampaignInput } from '../../../../shared/contracts/campaigns';
import { STARTER_MJML } from './starter-template';

/**
 * The editor's fields as the inputs hold them: text as typed, the segment by documentId ('' for
 * none). Not the name: the header renames the campaign on its own (RenameButton).
 */
export interface CampaignFormValues {
  subject: string;
  preheader: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
  segment: string;
  content: string;
  plainText: string;
}

export const formValuesOf = (campaign: Campaign): CampaignFormValues => ({
  subject: campaign.subject ?? '',
  preheader: campaign.preheader ?? '',
  fromName: campaign.fromName ?? '',
  fromEmail: campaign.fromEmail ?? '',
  replyTo: campaign.replyTo ?? '',
  segment: campaign.segment?.documentId ?? '',
  content: campaign.content ?? STARTER_MJML,
  plainText: campaign.plainText ?? '',
});

/** The save request: the fields the lifecycle lets this state change (shared/contracts/campaign-lifecycle.ts), empty ones as null. */
export const campaignInputOf = (values: CampaignFormValues, state: CampaignState): CampaignInput => {
  const optional = (value: string) => (value.trim() ? value : null);
  const input: CampaignInput = {
    subject: optional(values.subject),
    preheader: optional(values.preheader),
    fromName: optional(values.fromName),
    fromEmail: optional(values.fromEmail),
    replyTo: optional(values.replyTo),
    segment: values.segment || null,
    content: optional(values.content),
    plainText: optional(values.plainText),
  };
  return Object.fromEntries(Object.entries(input).filter(([field]) => canEditField(state, field)));
};
