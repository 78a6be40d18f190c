import { createIntl } from 'react-intl';
import de from '../de.json';
import en from '../en.json';
import fr from '../fr.json';

const AREAS = /^(contacts|imports|topics)\./;
const LOCALES = { en, fr, de } as Record<string, Record<string, string>>;

const keysOf = (messages: Record<string, string>) =>
  Object.keys(messages)
    .filter((k) => AREAS.test(k))
    .sort();

/** Every argument the audience pages hand their messages: numbers for plurals, a sentinel for text. */
const NUMBERS = [
  'count',
  'changed',
  'unchanged',
  'total',
  'members',
  'subscribed',
  'rowsRead',
  'created',
  'updated',
  'duplicates',
  'rejected',
  'suppressed',
  'columns',
  'page',
  'pageCount',
];
const TEXTS = [
  'email',
  'name',
  'search',
  'when',
  'reason',
  'variant',
  'column',
  'columns',
  'target',
  'fileName',
  'size',
  'date',
  'error',
  'summary',
];
const values = { ...Object.fromEntries(TEXTS.map((t) => [t, `⟨${t}⟩`])), ...Object.fromEntries(NUMBERS.map((n) => [n, 7])) };

const format = (locale: string, id: string) => {
  const errors: unknown[] = [];
  const intl = createIntl({ locale, messages: LOCALES[locale], onError: (e) => errors.push(e) });
  const text = intl.formatMessage({ id }, values);
  return { text, errors };
};

test('French and German have exactly the English keys of contacts, imports and topics', () => {
  expect(keysOf(fr)).toEqual(keysOf(en));
  expect(keysOf(de)).toEqual(keysOf(en));
  expect(keysOf(en).length).toBeGreaterThan(200);
});

test.each(['en', 'fr', 'de'])('every %s message of the audience pages formats without an error', (locale) => {
  const failures = keysOf(LOCALES[locale]).filter((id) => format(locale, id).errors.length > 0);
  expect(failures).toEqual([]);
});

test.each(['fr', 'de'])('every %s message keeps the placeholders of the English one', (locale) => {
  const lost = keysOf(en).flatMap((id) => {
    const placeholders = format('en', id).text.match(/⟨\w+⟩/g) ?? [];
    const translated = format(locale, id).text;
    return placeholders.filter((p) => !translated.includes(p)).map((p) => `${id}: ${p}`);
  });
  expect(lost).toEqual([]);
});

test('plurals and quoted braces read as English did before translation', () => {
  const intl = createIntl({ locale: 'en', messages: en as Record<string, string> });
  expect(intl.formatMessage({ id: 'contacts.bulk.done.delete' }, { changed: 1, unchanged: 0 })).toBe('Deleted 1 contact');
  expect(intl.formatMessage({ id: 'contacts.bulk.done.delete' }, { changed: 1200, unchanged: 3 })).toBe(
    'Deleted 1,200 contacts (3 unchanged)'
  );
  // Without values react-intl skips the parser and unquotes by itself: both ways must agree.
  expect(intl.formatMessage({ id: 'contacts.form.attributesHint' })).toBe('A JSON object: {"plan": "pro", "city": "Lyon"}');
  expect(intl.formatMessage({ id: 'contacts.form.attributesHint' }, { unused: 1 })).toBe('A JSON object: {"plan": "pro", "city": "Lyon"}');
  expect(intl.formatMessage({ id: 'contacts.form.attributesNotObject' })).toBe('Must be a JSON object, such as {"plan": "pro"}');
  expect(intl.formatMessage({ id: 'topics.members.subscribedOfAll' }, { subscribed: 2, members: 3 })).toBe('2 subscribed (3 in all)');
});
