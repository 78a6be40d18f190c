import { checkContentSource, type ContentSource } from '../../content/compile';
import { TemplateError } from '../../content/liquid';
import { fieldError } from '../../validation/errors';
import { withSampleEntries } from '../content-blocks/expand';

/** A template problem as the API reports it: 400 naming the campaign field, with the lines it is at when known. */
export const templateFieldError = (error: TemplateError) => fieldError('campaign', error.part, error.detail, error.problems);

/**
 * Checks a campaign's templates as they would be saved: a 400 naming the field when one cannot be
 * used. Entries blocks are checked as written and compiled with a sample entry, no entry is read.
 */
export const checkCampaignContent = async (source: ContentSource) => {
  try {
    await checkContentSource(source.content ? { ...source, content: withSampleEntries(source.content) } : source);
  } catch (error) {
    if (error instanceof TemplateError) throw templateFieldError(error);
    throw error;
  }
};
