import { checkContentSource, type ContentSource } from '../../content/compile';
import { TemplateError } from '../../content/liquid';
import { fieldError } from '../../validation/errors';

/** A template problem as the API reports it: 400 naming the campaign field. */
export const templateFieldError = (error: TemplateError) => fieldError('campaign', error.part, error.detail);

/** Checks a campaign's templates as they would be saved: a 400 naming the field when one cannot be used. */
export const checkCampaignContent = async (source: ContentSource) => {
  try {
    await checkContentSource(source);
  } catch (error) {
    if (error instanceof TemplateError) throw templateFieldError(error);
    throw error;
  }
};
