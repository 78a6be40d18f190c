import { parseTemplate, TemplateError } from '../../../content/liquid';
import { templateFieldError } from '../content-check';

const failureOf = (run: () => unknown): TemplateError => {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
};

test('the API error keeps its message and adds the lines to the field it names', () => {
  const error = failureOf(() => parseTemplate('content', 'a\n{{ nope }}', 'html'));
  const apiError = templateFieldError(error);
  expect(apiError.message).toBe(`Invalid campaign: content: ${error.detail}`);
  expect(apiError.details).toEqual({
    errors: [{ path: ['content'], message: error.detail, name: 'ValidationError', lines: [{ line: 2, message: error.detail }] }],
  });
  const empty = templateFieldError(new TemplateError('content', 'is empty: write the message in MJML'));
  expect(empty.details).toEqual({
    errors: [{ path: ['content'], message: 'is empty: write the message in MJML', name: 'ValidationError' }],
  });
});
