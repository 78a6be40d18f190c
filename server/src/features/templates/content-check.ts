import { compileContent, type ContentSource } from '../../content/compile';
import { TemplateError } from '../../content/liquid';
import { fieldError } from '../../validation/errors';
import { withSampleEntries } from '../content-blocks/expand';

/**
 * A template is checked as a campaign's content is when saved (only documented variables, valid
 * MJML, well-formed entries blocks, each standing in for a sample entry), and it must have some
 * content: a 400 naming the field, "Invalid template: content: ...".
 */
export const checkTemplateContent = async (source: ContentSource) => {
  try {
    await compileContent({ ...source, content: source.content && withSampleEntries(source.content) });
  } catch (error) {
    if (error instanceof TemplateError) throw fieldError('template', error.part, error.detail, error.problems);
    throw error;
  }
};
