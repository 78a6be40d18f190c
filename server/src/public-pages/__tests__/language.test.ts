import { acceptedLanguages, chooseLanguage } from '../language';
import { BUILT_IN_LANGUAGES } from '../locales';

describe('acceptedLanguages', () => {
  test('orders by q-value, keeps the header order between equals, drops q=0, * and nonsense', () => {
    expect(acceptedLanguages('de;q=0.5, fr-CA, es;q=0.9, it;q=0, *;q=0.1, x-klingon, 12')).toEqual(['fr', 'es', 'de']);
    expect(acceptedLanguages('en-GB,en;q=0.8')).toEqual(['en', 'en']);
    expect(acceptedLanguages('FR_fr ; q=0.7')).toEqual(['fr']);
  });

  test('a missing, empty or malformed header names no language', () => {
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
    expect(acceptedLanguages(';;;,,,q=1')).toEqual([]);
    expect(acceptedLanguages('fr;q=abc')).toEqual([]);
  });

  test('a huge header is read only so far', () => {
    expect(acceptedLanguages(`${'xx;q=0.1,'.repeat(100_000)}fr`)).not.toContain('fr');
  });
});

describe('chooseLanguage', () => {
  test("the contact's locale first, whatever the browser says", () => {
    expect(chooseLanguage(BUILT_IN_LANGUAGES, 'de_DE', 'fr,en')).toBe('de');
    expect(chooseLanguage(BUILT_IN_LANGUAGES, 'ES', undefined)).toBe('es');
  });

  test("a contact's locale the pages do not have gives way to the browser's first language they have", () => {
    expect(chooseLanguage(BUILT_IN_LANGUAGES, 'ja-JP', 'it;q=1, fr-CA;q=0.8, de;q=0.5')).toBe('fr');
    expect(chooseLanguage(BUILT_IN_LANGUAGES, null, 'fr-CA')).toBe('fr');
  });

  test('English when nothing matches', () => {
    expect(chooseLanguage(BUILT_IN_LANGUAGES, null, undefined)).toBe('en');
    expect(chooseLanguage(BUILT_IN_LANGUAGES, 'pt', 'ja, zh;q=0.5')).toBe('en');
  });

  test("a language the site added is chosen like a built-in one, and a name of Object's prototype is none", () => {
    const withItalian = { ...BUILT_IN_LANGUAGES, it: BUILT_IN_LANGUAGES.en };
    expect(chooseLanguage(withItalian, 'it-IT', undefined)).toBe('it');
    expect(chooseLanguage(BUILT_IN_LANGUAGES, 'constructor', 'toString')).toBe('en');
  });
});
