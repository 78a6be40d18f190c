import { encodeWord } from 'nodemailer/lib/mime-funcs';
import { MAX_LINE } from './line-shape';

/** RFC 5322 2.2.3: lines SHOULD stay within 78 characters; folds go only where whitespace is. */
const FOLD_AT = 78;
/** RFC 2047 allows encoded words of 75 characters; shorter ones leave room on a folded line. */
const ENCODED_WORD = 52;

/**
 * Text that cannot go as it is: anything outside printable ASCII, an encoded-word look-alike
 * ("=?", which clients would decode), a word too long for a folded line, or a run of spaces long
 * enough to matter (a fold never goes inside one, since a line may not be whitespace only).
 */
const NEEDS_ENCODING = /[^\x20-\x7e]|=\?|[^ ]{78}| {20}/;
// RFC 5322 atext and spaces: a display name of only these is a phrase as it is.
const ATOMS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;

/**
 * Header values come from editors and contacts: a line break in one would start a header of its
 * own, and other control characters have no place in a header at all.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for
export const headerSafe = (value: string) => value.replace(/[\x00-\x08\x0a-\x1f\x7f]+/g, ' ');

/** Encoded words (Q) covering all of the text: Q escapes every special, so nothing in it stays structure. */
const encodeAll = (text: string) => encodeWord(text, 'Q', ENCODED_WORD);

/** An unstructured value (Subject): as it is when it can be, else encoded words. */
export const unstructured = (value: string) => {
  const safe = headerSafe(value);
  return NEEDS_ENCODING.test(safe) ? encodeAll(safe) : safe;
};

/**
 * A display name as one RFC 5322 phrase: atoms, one quoted string, or encoded words. Whatever it
 * holds (`<`, `@`, `,`...), a parser finds exactly one mailbox after it.
 */
export const phrase = (name: string) => {
  if (NEEDS_ENCODING.test(name)) return encodeAll(name);
  if (ATOMS.test(name)) return name;
  return `"${name.replace(/["\\]/g, '\\$&')}"`;
};

/**
 * `Name: value`, folded before spaces into lines of at most 78 characters where the words allow
 * (a token longer than a line, such as a URL, keeps its line). Values here are ASCII (encoded
 * words for the rest), so characters are octets. Never folded before the first word or before
 * an empty one, so no line is whitespace only.
 */
export const headerLine = (name: string, value: string) => {
  const line = `${name}: ${value}`;
  if (line.length <= FOLD_AT) return line;
  let out = `${name}:`;
  let width = out.length;
  for (const word of value.split(' ')) {
    if (word && width + 1 + word.length > FOLD_AT && width > name.length + 1) {
      out += '\r\n';
      width = 0;
    }
    out += ` ${word}`;
    width += 1 + word.length;
    if (width > MAX_LINE) throw new Error(`the ${name} header has a word longer than a mail line may be (998 octets)`);
  }
  return out;
};
