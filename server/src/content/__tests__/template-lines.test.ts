import { checkContentSource, compileContent } from '../compile';
import { parseTemplate, TemplateError } from '../liquid';

/** The TemplateError a source throws, so a test can read its lines. */
const failureOf = async (run: () => unknown): Promise<TemplateError> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
};

const lines = (...rows: string[]) => rows.join('\n');

const mjml = (...body: string[]) =>
  lines(
    '<mjml>',
    '  <mj-body>',
    '    <mj-section>',
    '      <mj-column>',
    ...body,
    '      </mj-column>',
    '    </mj-section>',
    '  </mj-body>',
    '</mjml>'
  );

const source = (content: string) => ({ subject: 'Hi', preheader: null, content, plainText: null });

test('an unclosed Liquid tag is marked at the line it opens', async () => {
  const content = mjml('<mj-text>Hello</mj-text>', '', '{% if contact.firstName %}', '<mj-text>Hi</mj-text>');
  const error = await failureOf(() => compileContent(source(content)));
  expect(error.detail).toMatch(/tag \{% if contact.firstName %\} not closed/);
  expect(error.problems).toEqual([{ line: 7, message: 'tag {% if contact.firstName %} not closed' }]);
});

test('an unknown variable is marked at its line, with the message the API gives', async () => {
  const content = lines('<mjml>', '  <mj-body>', '    <mj-text>Hi {{ contct.firstName }}</mj-text>', '  </mj-body>', '</mjml>');
  const error = await failureOf(() => compileContent(source(content)));
  expect(error.detail).toMatch(/^unknown variable "contct.firstName"/);
  expect(error.problems).toEqual([{ line: 3, message: error.detail }]);
});

test('a code-reaching name is marked at its line', async () => {
  const error = await failureOf(() => parseTemplate('content', lines('a', 'b', 'c', '{{ contact.constructor }}'), 'html'));
  expect(error.problems).toEqual([{ line: 4, message: expect.stringMatching(/reads "constructor"/) }]);
});

test('an unknown filter and an unclosed output are marked at their lines', async () => {
  const filter = await failureOf(() => parseTemplate('content', lines('a', '{{ contact.firstName | nofilter }}'), 'html'));
  expect(filter.problems).toEqual([{ line: 2, message: 'undefined filter: nofilter' }]);
  const output = await failureOf(() => parseTemplate('plainText', lines('a', 'b', '{{ contact.firstName'), 'text'));
  expect(output.problems).toEqual([{ line: 3, message: expect.stringMatching(/not closed/) }]);
});

test('MJML errors keep their message and mark each line with the element they are about', async () => {
  const content = mjml(
    '<mj-text bogus="1">Hello</mj-text>',
    '<mj-button>Go</mj-button>',
    '<mj-image colour="red" src="https://example.com/a.png" />'
  );
  const error = await failureOf(() => compileContent(source(content)));
  expect(error.detail).toMatch(/^MJML errors: line 5: Attribute bogus is illegal; line 7: Attribute colour is illegal$/);
  expect(error.problems).toEqual([
    { line: 5, message: 'mj-text: Attribute bogus is illegal' },
    { line: 7, message: 'mj-image: Attribute colour is illegal' },
  ]);
});

test('a subject error carries the subject line, and a problem without a place carries none', async () => {
  const subject = await failureOf(() => checkContentSource({ ...source(''), subject: 'Hi {{ user.name }}' }));
  expect(subject.part).toBe('subject');
  expect(subject.problems).toEqual([{ line: 1, message: subject.detail }]);
  const empty = await failureOf(() => compileContent(source('  ')));
  expect(empty.problems).toEqual([]);
});
