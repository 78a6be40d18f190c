import { compileContent } from '../../../../../../server/src/content/compile';
import { EMPTY_DOCUMENT, expandSelfClosing, formatMjml } from '../mjml-source';

test('self-closing MJML elements get an end tag, HTML and attribute values untouched', () => {
  expect(expandSelfClosing(`<mj-column><mj-image src="a.png" alt="1 > 0" /><mj-divider/><mj-text>a<br/>b</mj-text></mj-column>`)).toBe(
    `<mj-column><mj-image src="a.png" alt="1 > 0"></mj-image><mj-divider></mj-divider><mj-text>a<br/>b</mj-text></mj-column>`
  );
  expect(expandSelfClosing(`<mj-strapi-entries type="api::article.article" filter='{"a":{"$eq":"b"}}' />`)).toBe(
    `<mj-strapi-entries type="api::article.article" filter='{"a":{"$eq":"b"}}'></mj-strapi-entries>`
  );
});

test("the builder's one-line export reads one element a line, text kept as it is", () => {
  const exported =
    `<mjml><mj-head><mj-style>.a { color: red; }</mj-style></mj-head><mj-body><mj-section><mj-column>` +
    `<mj-text font-size="16px">Hello <b>{{ contact.firstName | default: 'there' }}</b>,\n  welcome</mj-text>` +
    `<mj-divider></mj-divider><mj-button href="{{ unsubscribe_url }}">Unsubscribe</mj-button></mj-column></mj-section>` +
    `<mj-strapi-entries type="api::article.article" latest="3" /></mj-body></mjml>`;
  expect(formatMjml(exported)).toBe(`<mjml>
  <mj-head>
    <mj-style>.a { color: red; }</mj-style>
  </mj-head>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text font-size="16px">Hello <b>{{ contact.firstName | default: 'there' }}</b>,
  welcome</mj-text>
        <mj-divider />
        <mj-button href="{{ unsubscribe_url }}">Unsubscribe</mj-button>
      </mj-column>
    </mj-section>
    <mj-strapi-entries type="api::article.article" latest="3" />
  </mj-body>
</mjml>
`);
  expect(formatMjml(formatMjml(exported))).toBe(formatMjml(exported));
});

test('the formatted export and the empty document compile under the server rules', async () => {
  const formatted = formatMjml(
    `<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ contact.firstName | default: 'there' }}</mj-text><mj-spacer></mj-spacer></mj-column></mj-section></mj-body></mjml>`
  );
  await expect(compileContent({ subject: 'Hi', preheader: null, content: formatted, plainText: null })).resolves.toBeDefined();
  await expect(compileContent({ subject: 'Hi', preheader: null, content: EMPTY_DOCUMENT, plainText: null })).resolves.toBeDefined();
});
