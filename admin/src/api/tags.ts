/**
 * The plugin's cache tags on Strapi's shared `adminApi`. Prefixed: every plugin adds its tag types
 * to the same api.
 */
export const CAMPAIGN_TAG = 'CampaignsCampaign';
export const TEMPLATE_TAG = 'CampaignsTemplate';
export const SEND_PROGRESS_TAG = 'CampaignsSendProgress';
export const REPORT_TAG = 'CampaignsReport';
export const EXPERIMENT_TAG = 'CampaignsExperiment';
export const SEGMENT_TAG = 'CampaignsSegment';
export const CONTACT_TAG = 'CampaignsContact';
export const TOPIC_TAG = 'CampaignsTopic';
export const IMPORT_TAG = 'CampaignsImport';
export const AUDIENCE_TAGS = [CONTACT_TAG, TOPIC_TAG, IMPORT_TAG] as const;
export const SITE_SETTINGS_TAG = 'CampaignsSiteSettings';
export const INBOUND_NOTICE_TAG = 'CampaignsInboundNotice';
export const SUPPRESSION_TAG = 'CampaignsSuppression';
/** A suppression list and its removals change together. */
export const SUPPRESSION_TAGS = [SUPPRESSION_TAG] as const;
/** An undo changes a notice and the contact it names. */
export const INBOUND_TAGS = [INBOUND_NOTICE_TAG, CONTACT_TAG] as const;

export const REPLY_TAG = 'CampaignsReply';
/** Marking a reply handled changes the reply and the inbox's lists, nothing else. */
export const REPLY_TAGS = [REPLY_TAG] as const;

/** The id of a tag that stands for every list of its type. */
export const LIST = 'LIST';

type RecordTag =
  (typeof AUDIENCE_TAGS)[number] | (typeof INBOUND_TAGS)[number] | (typeof SUPPRESSION_TAGS)[number] | (typeof REPLY_TAGS)[number];

/** A tag of one record (or LIST) whose type stays the literal RTK Query checks against. */
export const tag = <T extends RecordTag>(type: T, id: string | number) => ({ type, id });
