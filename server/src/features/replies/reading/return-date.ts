import * as chrono from 'chrono-node';

/**
 * The return date an out-of-office note states, read with chrono-node's English, French, German
 * and Spanish parsers. The rule:
 * - a date a return word introduces ("back on", "de retour le", "zurück am", "de vuelta el") or
 *   that a "back" phrase follows ("ab dem 21.12. bin ich wieder erreichbar") is the return date;
 *   "from"/"à partir du"/"ab dem"/"a partir del" count only with such a phrase after the date, as
 *   alone they usually start the absence;
 * - a date stated as the last day away, after an until word ("until", "through", "jusqu'au",
 *   "bis zum", "hasta el") or as the end of a range ("from 7 to 18 December", "du 7 au 18",
 *   "vom 7. bis 18.", "del 7 al 18"), gives the first working day (Monday to Friday) after it;
 * - a date with neither is not taken: it may be when the absence starts;
 * - a return date wins over a last day away; then the first in the text;
 * - dates before the reference day (the mail's Date) or more than a year after it are ignored;
 * - an all-numeric date is read day first (03.04.2027 is 3 April), except in English text where
 *   03/04/2027 could be either and is ignored; 12/18/2026 or 18/12/2026 can be only one.
 */

const RETURN_BEFORE =
  /\b(back|return(ing)?|returns|in the office( again)?|available( again)?|de retour|retour|joignable|disponible|zur[üu]ck|wieder (im b[üu]ro|erreichbar|da|verf[üu]gbar)|de vuelta|regreso|regresar[ée]|volver[ée]|vuelvo|estar[ée] disponible)( (on|le|am|el|from|ab|à partir du|dès le|a partir del|desde el))?[\s,:]*$/i;
// Within the date's own clause: "ab dem 7. Dezember im Urlaub und zurück am 4. Januar" starts the absence on the 7th.
const BACK_AFTER =
  /^(?:(?!\b(?:and|und|et|y|but|aber|mais|pero)\b)[^.\n]){0,60}?\b(back|available again|in the office again|de retour|joignable|disponible|wieder|zur[üu]ck|de vuelta|regreso|disponible)\b/i;
/** "21.12. bin ich wieder da", "14 December I will be back": the date opens the sentence that says so. */
const SAYS_BACK_AFTER = /^\W{0,3}(bin ich wieder|werde ich wieder|i('ll| will) be back|je serai de retour|estar[ée] de vuelta)\b/i;
const FROM_BEFORE = /\b(from|starting|à partir du|dès le|ab( dem| den)?|a partir del?)[\s,:]*$/i;
const UNTIL_BEFORE =
  /\b(until|till|through|thru|up to( and including)?|jusqu['’]?(au|à)|jusqu['’] ?au|bis( zum| einschlie[ßs]lich| inklusive)?|hasta( el)?)[\s,:]*$/i;
const FILLER = /^(?:\s|,|\b(?:the|on|le|el|la|dem|den|zum|zur|am|de|del|du)\b)*/i;

const PARSERS = [chrono.en, chrono.fr, chrono.de, chrono.es];
const NUMERIC = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?\.?$/;
const ENGLISH = /\b(the|and|i am|i'm|i will|office|until|back)\b/gi;
const OTHER = /\b(je|suis|le|jusqu|bureau|ich|bin|und|wieder|bis|estoy|hasta|oficina|el|del)\b/gi;
const DAY_MS = 86_400_000;
const WINDOW = 40;

interface Candidate {
  index: number;
  day: string;
  /** 0: a stated return date; 1: a last day away. */
  rank: 0 | 1;
}

const iso = (year: number, month: number, day: number): string | null => {
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.toISOString().slice(0, 10);
};

const nextWorkingDay = (day: string): string => {
  let at = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  while ([0, 6].includes(new Date(at).getUTCDay())) at += DAY_MS;
  return new Date(at).toISOString().slice(0, 10);
};

/** A numeric date as this rule reads it, or undefined when the text is no numeric date. */
const numericDay = (text: string, impliedYear: number, english: boolean): string | null | undefined => {
  const match = NUMERIC.exec(text.trim());
  if (!match) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  const year = match[3] ? (match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3])) : impliedYear;
  const dayFirst = iso(year, b, a);
  if (!english) return dayFirst;
  const monthFirst = iso(year, a, b);
  if (dayFirst && monthFirst && dayFirst !== monthFirst) return null;
  return dayFirst ?? monthFirst;
};

const dayOf = (components: chrono.ParsedComponents): string | null =>
  iso(components.get('year') ?? 0, components.get('month') ?? 0, components.get('day') ?? 0);

/**
 * The stated return date of an out-of-office text, `YYYY-MM-DD`, or null. `reference` is when the
 * mail was written (epoch ms): relative dates count from it, earlier dates are ignored.
 */
export const findReturnDate = (text: string, reference: number): string | null => {
  const source = text.slice(0, 4000);
  const english = (source.match(ENGLISH)?.length ?? 0) > (source.match(OTHER)?.length ?? 0);
  const today = new Date(reference).toISOString().slice(0, 10);
  const latest = new Date(reference + 366 * DAY_MS).toISOString().slice(0, 10);
  const candidates: Candidate[] = [];
  // The parsers overlap (chrono.en reads "18 d" of "18 décembre" as 18 days): the longest reading of a place wins.
  const results = PARSERS.flatMap((parser) =>
    parser.parse(source, { instant: new Date(reference), timezone: 0 }, { forwardDate: true })
  ).sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  let covered = -1;
  for (const result of results) {
    if (result.index < covered) continue;
    covered = result.index + result.text.length;
    const before = source.slice(Math.max(0, result.index - WINDOW), result.index);
    const words = result.text.replace(FILLER, '');
    const at = result.index + (result.text.length - words.length);
    const lead = `${before}${result.text.slice(0, result.text.length - words.length)}`.replace(/\s+/g, ' ');
    const after = source.slice(result.index + result.text.length, result.index + result.text.length + 80);
    if (result.end) {
      const last = dayOf(result.end);
      if (last) candidates.push({ index: at, day: nextWorkingDay(last), rank: 1 });
      continue;
    }
    const numeric = numericDay(words, result.start.get('year') ?? 0, english);
    const day = numeric === undefined ? dayOf(result.start) : numeric;
    if (!day) continue;
    if (RETURN_BEFORE.test(lead) || (FROM_BEFORE.test(lead) && BACK_AFTER.test(after))) candidates.push({ index: at, day, rank: 0 });
    else if (UNTIL_BEFORE.test(lead) || /\b(al|au)\s*$/i.test(lead)) candidates.push({ index: at, day: nextWorkingDay(day), rank: 1 });
    else if (SAYS_BACK_AFTER.test(after)) candidates.push({ index: at, day, rank: 0 });
  }
  const valid = candidates.filter((c) => c.day >= today && c.day <= latest).sort((a, b) => a.rank - b.rank || a.index - b.index);
  return valid[0]?.day ?? null;
};
