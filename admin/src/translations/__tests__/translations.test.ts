import { createIntl } from 'react-intl';
import de from '../de.json';
import en from '../en.json';
import fr from '../fr.json';

const LOCALES: Record<string, Record<string, string>> = { en, fr, de };

/** Every argument an English message names: plural counts get a number, the rest a sentinel the output must keep. */
const valuesFor = (message: string) => {
  const plurals = new Set([...message.matchAll(/\{(\w+), plural/g)].map((m) => m[1]));
  const names = [...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]);
  return Object.fromEntries(names.map((name) => [name, plurals.has(name) ? 7 : `⟨${name}⟩`]));
};

const format = (locale: string, id: string) => {
  const errors: unknown[] = [];
  const intl = createIntl({ locale, messages: LOCALES[locale], onError: (e) => errors.push(e) });
  return { text: intl.formatMessage({ id }, valuesFor(en[id as keyof typeof en])), errors };
};

test('French and German have exactly the English keys', () => {
  expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
});

test.each(['en', 'fr', 'de'])('every %s message formats without an error', (locale) => {
  expect(Object.keys(en).filter((id) => format(locale, id).errors.length > 0)).toEqual([]);
});

test.each(['fr', 'de'])('every %s message keeps the placeholders of the English one', (locale) => {
  const lost = Object.keys(en).flatMap((id) => {
    const translated = format(locale, id).text;
    return (format('en', id).text.match(/⟨\w+⟩/g) ?? []).filter((p) => !translated.includes(p)).map((p) => `${id}: ${p}`);
  });
  expect(lost).toEqual([]);
});

test('counts read as the English pages wrote them before translation', () => {
  const intl = createIntl({ locale: 'en', messages: en });
  const say = (id: keyof typeof en, values: Record<string, string | number>) => intl.formatMessage({ id }, values);
  expect(say('campaigns.list.count', { count: 1 })).toBe('1 campaign');
  expect(say('campaigns.list.count', { count: 1200 })).toBe('1,200 campaigns');
  expect(say('segments.live.count', { count: 3 })).toBe('3 contacts can be mailed');
  expect(say('campaignEditor.test.done', { count: 1 })).toBe('Test sent to 1 address');
  expect(say('inbound.count', { total: 1 })).toBe('1 notice');
  expect(say('inbound.rates.value', { rate: '0.25%', count: 1500 })).toBe('0.25% (1,500)');
  expect(say('campaignEditor.locked.sending', { state: 'sending' })).toBe(
    'This campaign is sending: only its name can change (pause it to edit the rest).'
  );
});
