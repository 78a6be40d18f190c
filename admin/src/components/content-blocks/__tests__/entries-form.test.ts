import type { ContentBlockType } from '../../../../../shared/contracts/content-blocks';
import { emptyEntriesForm, moveEntry, toAttributes, withType } from '../entries-form';

const ARTICLE: ContentBlockType = {
  uid: 'api::article.article',
  displayName: 'Article',
  draftAndPublish: true,
  fields: [
    { name: 'title', type: 'string' },
    { name: 'body', type: 'richtext' },
    { name: 'cover', type: 'media' },
  ],
};
const A = { documentId: 'a', label: 'A' };
const B = { documentId: 'b', label: 'B' };

test('a type fills the fields it can guess and clears what belonged to the previous type', () => {
  const form = withType({ ...emptyEntriesForm(), entries: [A], link: 'https://x/{slug}', button: 'Read' }, ARTICLE);
  expect(form).toMatchObject({ type: ARTICLE.uid, entries: [], title: 'title', text: 'body', image: 'cover', link: '', button: 'Read' });
});

test('chosen entries keep their order', () => {
  const form = { ...withType(emptyEntriesForm(), ARTICLE), entries: moveEntry([A, B], 1, -1) };
  expect(toAttributes(form)).toEqual({
    attributes: {
      type: ARTICLE.uid,
      entries: 'b,a',
      title: 'title',
      text: 'body',
      image: 'cover',
      link: '',
      button: '',
      layout: undefined,
    },
  });
  expect(moveEntry([A, B], 0, -1)).toEqual([A, B]);
});

test('latest N with a filter and a sort', () => {
  const form = {
    ...withType(emptyEntriesForm(), ARTICLE),
    mode: 'latest' as const,
    latest: 5,
    filterField: 'title',
    filterOperator: 'contains' as const,
    filterValue: 'sale',
    sortField: 'title',
    sortDirection: 'asc' as const,
    layout: 'cards' as const,
  };
  expect(toAttributes(form)).toMatchObject({
    attributes: { latest: '5', filter: '{"title":{"$containsi":"sale"}}', sort: 'title:asc', layout: 'cards' },
  });
});

test('says what is missing', () => {
  const problem = (form: Parameters<typeof toAttributes>[0]) => ('problem' in toAttributes(form) ? toAttributes(form) : null);
  expect(problem(emptyEntriesForm())).toMatchObject({ problem: { defaultMessage: 'Choose a content type' } });
  expect(problem(withType(emptyEntriesForm(), ARTICLE))).toMatchObject({ problem: { defaultMessage: 'Choose at least one entry' } });
  const latest = { ...withType(emptyEntriesForm(), ARTICLE), mode: 'latest' as const };
  expect(problem({ ...latest, latest: 21 })).toMatchObject({ problem: { values: { max: 20 } } });
  expect(problem({ ...latest, latest: 0 })).not.toBeNull();
  expect(problem({ ...latest, title: '', text: '', image: '' })).toMatchObject({
    problem: { defaultMessage: 'Map at least one field: title, text or image' },
  });
});
