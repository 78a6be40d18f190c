// The plugin SDK's declaration build reads the files its entries import, not every .d.ts under src:
// without this, each build printed TS7016 for the untyped module.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./email-reply-parser.d.ts" />
import EmailReplyParser from 'email-reply-parser';

/** A reply's text split into what its writer wrote now, the original it quotes, and their signature. */
export interface StrippedReply {
  text: string;
  quoted: string;
  signature: string;
}

/*
 * Where a quoted original starts. email-reply-parser knows the one-line "On … wrote:" headers and
 * the "-----Original Message-----" separators, but it reads Outlook's "____…" separator as the start
 * of a signature (so the whole Outlook quote would land in `signature`), misses the From:/Sent:
 * block Outlook writes without a separator, misses headers Gmail wraps over two lines, and knows
 * no forwarded-message block: those are found here first, and the library splits what is above.
 */
const ORIGINAL_SEPARATOR =
  /^\s*-{2,}\s*(original message|urspr[üu]ngliche nachricht|message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht)\s*-{2,}\s*$/i;
const FORWARD_SEPARATOR =
  /^\s*-{2,}\s*(forwarded message|message transf[ée]r[ée]|weitergeleitete nachricht|mensaje reenviado|messaggio inoltrato|mensagem encaminhada)\s*-{2,}\s*$/im;
const FORWARD_START =
  /^\s*(begin forwarded message|d[ée]but du message r[ée]exp[ée]di[ée]|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado)\s*:\s*$/im;
const WROTE =
  /^\s*(on\s.{1,300}\swrote|le\s.{1,300}\sa\s[ée]crit|am\s.{1,300}\sschrieb.{0,200}|el\s.{1,300}\sescribi[óo]|il\s.{1,300}\sha scritto|em\s.{1,300}\sescreveu|op\s.{1,300}\sschreef.{0,200})\s?:\s*$/i;
const WROTE_OPENING = /^\s*(on|le|am|el|il|em|op)\s/i;
const OUTLOOK_FROM = /^\s*\*?(from|de|von|da|van|od)\s*:\*?\s*\S/i;
const OUTLOOK_SENT = /^\s*\*?(sent|date|envoy[ée]|gesendet|datum|enviado|fecha|inviato|data|verzonden|wys[lł]ano)\s*:/i;
// Outlook writes a line of underscores; mailparser turns the <hr> of an HTML-only Outlook reply into dashes.
const UNDERSCORES = /^\s*(_{10,}|-{20,})\s*$/;

/*
 * Closings the library's signature words miss (it knows English and French ones): a line of its own
 * that starts the sign-off, as "Kind regards," does for the library.
 */
const CLOSING =
  /^\s*(mit (freundlichen|besten|herzlichen) gr(ü|ue)(ß|ss)en|(viele|beste|liebe|freundliche|herzliche|sonnige) gr(ü|ue)(ß|ss)e|gru(ß|ss)|lg|mfg|vg|(un )?saludos?( cordiales| atentos)?|atentamente|cordialmente|un abrazo|distinti saluti|cordiali saluti|met vriendelijke groet(en)?|groeten|atenciosamente|cumprimentos)[ \t]*[,.!]?\s*$/i;
/** A sign-off is short: a closing further up than this is part of the text ("Saludos a tu equipo" and more below). */
const MAX_SIGNATURE_LINES = 6;

/** The text's last closing line, when what follows it is short enough to be a signature: the index of that line, or -1. */
const closingAt = (lines: readonly string[]): number => {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (lines.slice(i + 1).filter((line) => line.trim() !== '').length > MAX_SIGNATURE_LINES) return -1;
    if (CLOSING.test(lines[i])) return i;
  }
  return -1;
};

/** A forwarded-message block in a text: the mark of a forward, not of a reply. */
export const hasForwardedBlock = (text: string): boolean => FORWARD_SEPARATOR.test(text) || FORWARD_START.test(text);

/** The first line of the quoted original, or -1. */
const quoteStart = (lines: readonly string[]): number => {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.startsWith('>')) continue;
    if (ORIGINAL_SEPARATOR.test(line) || FORWARD_SEPARATOR.test(line) || FORWARD_START.test(line) || WROTE.test(line)) return i;
    // Gmail wraps a long "On …, Name <address> wrote:" header onto a second line.
    if (WROTE_OPENING.test(line) && i + 1 < lines.length && WROTE.test(`${line} ${lines[i + 1]}`)) return i;
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 5).some((next) => OUTLOOK_SENT.test(next))) {
      let before = i - 1;
      while (before >= 0 && lines[before].trim() === '') before -= 1;
      return before !== -1 && UNDERSCORES.test(lines[before]) ? before : i;
    }
  }
  return -1;
};

const parser = new EmailReplyParser();

const tidy = (parts: readonly string[]) =>
  parts
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Splits a reply's plain text (LF or CRLF) into its new text, the quoted original and the signature. */
export const stripReply = (input: string): StrippedReply => {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const cut = quoteStart(lines);
  const head = cut === -1 ? lines : lines.slice(0, cut);
  const text: string[] = [];
  const quoted: string[] = [];
  const signature: string[] = [];
  for (const fragment of parser.read(head.join('\n')).getFragments()) {
    if (fragment.isQuoted()) quoted.push(fragment.getContent());
    else if (fragment.isSignature()) signature.push(fragment.getContent());
    else text.push(fragment.getContent());
  }
  if (cut !== -1) quoted.push(lines.slice(cut).join('\n'));
  const written = tidy(text).split('\n');
  const closing = signature.length === 0 ? closingAt(written) : -1;
  if (closing > 0) signature.push(written.splice(closing).join('\n'));
  return { text: tidy(written), quoted: tidy(quoted), signature: tidy(signature) };
};
