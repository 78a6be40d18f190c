/**
 * The cache tags of campaigns, their send progress and segments on Strapi's shared `adminApi`.
 * Prefixed: every plugin adds its tag types to the same api.
 */
export const CAMPAIGN_TAG = 'CampaignsCampaign';
export const SEND_PROGRESS_TAG = 'CampaignsSendProgress';
export const SEGMENT_TAG = 'CampaignsSegment';

/** The id of a tag that stands for every list of its type. */
export const LIST = 'LIST';
