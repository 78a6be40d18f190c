import type { Campaign, CampaignState } from '../../../../shared/contracts/campaigns';
import type { CampaignInput } from '../../api/campaigns';
import { STARTER_MJML } from './starter-template';

/** The editor's fields as the inputs hold them: text as typed, the segment by documentId ('' for none). */
export interface CampaignFormValues {
  name: string;
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
  name: campaign.name,
  subject: campaign.subject ?? '',
  preheader: campaign.preheader ?? '',
  fromName: campaign.fromName ?? '',
  fromEmail: campaign.fromEmail ?? '',
  replyTo: campaign.replyTo ?? '',
  segment: campaign.segment?.documentId ?? '',
  content: campaign.content ?? STARTER_MJML,
  plainText: campaign.plainText ?? '',
});

/** States in which the server accepts more than a new name (server/src/features/campaigns/service.ts EDITABLE). */
export const isEditable = (state: CampaignState) => state === 'draft' || state === 'scheduled' || state === 'paused';

/** The save request: every field, empty ones as null; only the name once the campaign is past editing. */
export const campaignInputOf = (values: CampaignFormValues, editable: boolean): CampaignInput => {
  if (!editable) return { name: values.name };
  const optional = (value: string) => (value.trim() ? value : null);
  return {
    name: values.name,
    subject: optional(values.subject),
    preheader: optional(values.preheader),
    fromName: optional(values.fromName),
    fromEmail: optional(values.fromEmail),
    replyTo: optional(values.replyTo),
    segment: values.segment || null,
    content: optional(values.content),
    plainText: optional(values.plainText),
  };
};
