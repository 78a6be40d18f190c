import { TemplateError } from '../../../content/liquid';
import { expandFrozen, expandLive } from '../expand';
import type { EntriesBlock } from '../tag';

const A = '<mj-strapi-entries type="api::article.article" latest="2" title="title" />';
const B = '<mj-strapi-entries type="api::article.article" latest="3" title="title" />';
const content = `<mjml><mj-body>\n${A}\n${B}\n${A}\n</mj-body></mjml>`;

/** Answers each block's latest count, and records which blocks it was asked for. */
const source = () => {
  const asked: string[] = [];
  return {
    asked,
    async fragment(block: EntriesBlock) {
      asked.push(block.source);
      return `<mj-section><mj-column><mj-text>latest ${block.spec.selection.kind === 'latest' ? block.spec.selection.count : 0}</mj-text></mj-column></mj-section>`;
    },
  };
};

test('expandLive resolves each distinct block once and answers its MJML by source', async () => {
  const s = source();
  const expanded = await expandLive(content, s);
  expect(s.asked).toEqual([A, B]);
  expect(Object.keys(expanded.fragments)).toEqual([A, B]);
  expect(expanded.content.match(/latest 2/g)).toHaveLength(2);
  expect(expanded.content).toContain('latest 3');
  expect(expanded.content).not.toContain('mj-strapi-entries');
});

test('expandFrozen uses what the start froze and resolves only a block added since', async () => {
  const s = source();
  const expanded = await expandFrozen(content, { [A]: '<mj-section><mj-column><mj-text>frozen</mj-text></mj-column></mj-section>' }, s);
  expect(s.asked).toEqual([B]);
  expect(expanded.added).toEqual({ [B]: expect.stringContaining('latest 3') });
  expect(expanded.content.match(/frozen/g)).toHaveLength(2);
});

test('content without blocks is left as it is; a block that cannot resolve fails the expansion', async () => {
  const plain = '<mjml><mj-body></mj-body></mjml>';
  expect(await expandLive(plain, source())).toEqual({ content: plain, fragments: {}, notes: [] });
  const failing = {
    fragment: async () => {
      throw new TemplateError('content', 'gone');
    },
  };
  await expect(expandLive(content, failing)).rejects.toThrow('gone');
});
