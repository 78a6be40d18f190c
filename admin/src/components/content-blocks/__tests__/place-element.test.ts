import { openElementsAt, placeElement, type Slot } from '../place-element';

const placed = (source: string, cursor: number, element: string, slot: Slot) => {
  const { at, text } = placeElement(source, cursor, element, slot);
  return source.slice(0, at) + text + source.slice(at);
};

const MJML = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hi<br>there</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
const BLOCK = '<mj-strapi-entries type="api::article.article" latest="3" />';
const IMAGE = '<mj-image src="https://cms.example/uploads/a.png" alt="" />';

test('knows the elements open at the cursor, ignoring the HTML inside mj-text', () => {
  expect(openElementsAt(MJML, MJML.indexOf('there'))).toEqual(['mjml', 'mj-body', 'mj-section', 'mj-column', 'mj-text']);
  expect(openElementsAt(MJML, MJML.indexOf('</mj-text>') + '</mj-text>'.length)).toEqual(['mjml', 'mj-body', 'mj-section', 'mj-column']);
  expect(openElementsAt(MJML, MJML.indexOf('  </mj-body>'))).toEqual(['mjml', 'mj-body']);
  expect(openElementsAt(MJML, MJML.indexOf('<mj-section>') + 4)).toBeNull();
  expect(openElementsAt('<mjml><mj-body><!-- a > b', 25)).toBeNull();
});

test('a block goes at the cursor between sections', () => {
  const cursor = MJML.indexOf('  </mj-body>');
  expect(placeElement(MJML, cursor, BLOCK, 'section')).toEqual({ at: cursor, text: BLOCK });
});

test('a block with the cursor inside a section or a tag goes at the end of the body, on a line of its own', () => {
  for (const cursor of [MJML.indexOf('there'), MJML.indexOf('<mj-column>') + 3, 0]) {
    expect(placed(MJML, cursor, BLOCK, 'section')).toBe(MJML.replace('  </mj-body>', `    ${BLOCK}\n  </mj-body>`));
  }
});

test('an image goes at the cursor inside a column, else in a section of its own at the end of the body', () => {
  const inColumn = MJML.indexOf('      </mj-column>');
  expect(placed(MJML, inColumn, IMAGE, 'column')).toBe(MJML.slice(0, inColumn) + IMAGE + MJML.slice(inColumn));
  expect(placed(MJML, MJML.indexOf('there'), IMAGE, 'column')).toBe(
    MJML.replace('  </mj-body>', `    <mj-section><mj-column>${IMAGE}</mj-column></mj-section>\n  </mj-body>`)
  );
});

test('a body closed on the same line, or no body at all, still takes the element', () => {
  const oneLine = '<mjml><mj-body><mj-section><mj-column></mj-column></mj-section></mj-body></mjml>';
  expect(placed(oneLine, 0, BLOCK, 'section')).toBe(oneLine.replace('</mj-body>', `${BLOCK}</mj-body>`));
  expect(placed('', 0, BLOCK, 'section')).toBe(`${BLOCK}\n`);
  expect(placed('<mj-text>x</mj-text>', 3, BLOCK, 'section')).toBe(`<mj-text>x</mj-text>\n${BLOCK}\n`);
});

test('with the cursor nowhere valid, a block goes above the footer that holds the unsubscribe link', () => {
  const footer = `    <mj-section>
      <mj-column><mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text></mj-column>
    </mj-section>
`;
  const withFooter = MJML.replace('  </mj-body>', `${footer}  </mj-body>`);
  expect(placed(withFooter, 0, BLOCK, 'section')).toBe(MJML.replace('  </mj-body>', `    ${BLOCK}\n${footer}  </mj-body>`));
  expect(placed(withFooter, 0, IMAGE, 'column')).toBe(
    MJML.replace('  </mj-body>', `    <mj-section><mj-column>${IMAGE}</mj-column></mj-section>\n${footer}  </mj-body>`)
  );
  // Between sections, the cursor wins: under the footer if the editor put it there.
  const under = withFooter.indexOf('  </mj-body>');
  expect(placeElement(withFooter, under, BLOCK, 'section')).toEqual({ at: under, text: BLOCK });
});
