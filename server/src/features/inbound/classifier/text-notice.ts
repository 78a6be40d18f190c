import { findAddresses, isSystemAddress } from './addresses';
import { findStatus, oneLine } from './delivery-status';
import { reasonFromText } from './reasons';

/**
 * Bounces that are not RFC 3464 reports: Exim, qmail, Sendmail and Postfix texts, Exchange and
 * webmail notices. They say the same things in a few recurring shapes, read here without
 * knowing which system wrote them.
 */

/** Where a notice starts quoting the message it returns: what follows is not the notice's words. */
const RETURNED_MESSAGE_MARKER =
  /^.{0,30}(-{2,}|={2,}|\*{2,}|_{2,})?\s*((this is a |a )?copy of (the |your )?(original )?message|(below this line is a copy of the message)|(original|returned|unsent|undelivered|your) (message|mail)( follows| below| header| headers)?\s*(-|=|\*|:|$)|(the )?(original )?message (header|headers|text)( follows| below)?\s*(-|=|:)|(enclosed|attached|included|below) (are|is) (the )?(original|returned) (message|headers)|(the )?header and (the )?(top|first) \d+ lines? of the message|returned mail follows|message (text )?follows|text of (the )?original message|original message (was|is) (attached|below)|end of (the )?(notice|report)|mensaje original|message d'origine|urspr[üu]ngliche nachricht|messaggio originale|oorspronkelijk bericht|wiadomo[śs][ćc] oryginalna)/im;

/** Splits a notice's text into its own words and the message it quotes (if any). */
export const splitReturnedMessage = (text: string): { notice: string; returned: string | null } => {
  const match = RETURNED_MESSAGE_MARKER.exec(text);
  if (!match || match.index < 20) return { notice: text, returned: null };
  return { notice: text.slice(0, match.index), returned: text.slice(match.index) };
};

const FAILURE_WORDS =
  /\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b|unknown|not (exist|found|known|valid|accept|deliver|allowed|permitted|reach)|does ?n[o']t|no such|invalid|reject|refus|denied|den(y|ies)|fail|full|quota|disabled|suspend|inactive|unavailable|unable|could ?n[o']t|can ?n[o']t|blocked|error|expired|timed? ?out|too (large|big|long)|exceed|permanent|undeliver|bounce|problem|no longer|not a|isn't|unrouteable|unroutable|loop|spam|policy|retry|giving up|mailbox|does not like|inconnu|unbekannt|nicht|desconocido|no existe|non esiste|inesistente|nie istnieje|onbekend|não existe|n'existe|не существует|存在しない/i;

const ADDRESS_LINE =
  /^\s*(?:(?:rcpt|recipient|recipients?|failed recipients?|original recipient|final recipient|failed address|recipient address|e-?mail(?: address)?|address|to|(?:your )?(?:message|mail|e-?mail) (?:to|for)|empf[äa]nger|destinataire|destinat[aá]rio|odbiorca|adresat|ontvanger|получатель|адресат|受信者|宛先|收件人|수신자|받는 ?사람)\s*[:：]?\s*)?(?:"[^"]*"\s*)?[<[]?(?:(?:smtp|rfc822|mailto):)?([^\s<>()[\]",;:@]+@[^\s<>()[\]",;:@]+?)[>\]]?\s*(?:\((.*)\))?\s*(:|\.\.\.|\bon\b.*|[-–]+\s|$)(.*)$/i;
/** An SMTP reply: at the start of a line, or behind a transcript's arrow. */
const SMTP_REPLY_LINE = /(?:^\s*|<<<\s*|<--?\s*)([45]\d\d)[ -]/;
/** Lines of a transcript or a header that name other parties than the failed recipient. */
const NOT_A_RECIPIENT_LINE =
  /\b(mail from|from:|sender|reply-to|return-path|envelope-from|message-id|reporting-mta|received:|postmaster|abuse|help|contact|please (write|send|mail|contact)|report|webmaster|www\.|https?:)/i;

const HAS_REPLY_CODE = /\b[245]\d\d\b/;

export interface TextRecipient {
  address: string;
  diagnostic: string | null;
}

/** Strips what MTAs put before the remote server's own answer. */
const cleanDiagnostic = (text: string): string | null => {
  let line = oneLine(text);
  const said =
    /\b(?:said|says|responded|answered|replied|returned|reply was|error was|details|diagnostic(?:-code)?|smtp response|response)\s*:?\s*(.+)$/i.exec(
      line
    );
  if (said && HAS_REPLY_CODE.test(said[1])) line = said[1];
  // Exim names the command the server answered: "SMTP error from remote mail server after RCPT TO:<x>: 550 ...".
  const after = /\bafter (?:rcpt to|mail from|data|end of data|initial connection|pipelined \S+)\S*:\s*(.+)$/i.exec(line);
  if (after && HAS_REPLY_CODE.test(after[1])) line = after[1];
  line = line
    .replace(/^\(?(reason|raison|grund|motivo|raz[oó]n|reden|pow[oó]d|причина|原因|理由|사유)\s*[:：]\s*/i, '')
    .replace(/\s*\(in reply to [^)]*\)\s*$/i, '')
    .replace(/^<<<\s*/, '')
    .replace(/^[a-z]+;\s*(?=[245]\d\d)/i, '')
    .replace(/^'(.*)'$/, '$1')
    .replace(/^\)|\)$/, '')
    .trim();
  return line || null;
};

const isDiagnosticLine = (line: string) => FAILURE_WORDS.test(line);

/**
 * Failed recipients and what was said of each, found by shape: an address on a line of its own or
 * before a colon, followed or continued by the server's answer; an SMTP reply naming an address.
 */
export const readTextRecipients = (notice: string, excluded: ReadonlySet<string>): TextRecipient[] => {
  const lines = notice.split('\n').slice(0, 2000);
  const found = new Map<string, string | null>();
  const add = (address: string, diagnostic: string | null) => {
    if (excluded.has(address) || isSystemAddress(address)) return;
    const known = found.get(address);
    // A notice often names the address twice: once with its own words, once with the server's answer.
    if (!known || (diagnostic && !HAS_REPLY_CODE.test(known) && HAS_REPLY_CODE.test(diagnostic))) found.set(address, diagnostic);
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line.includes('@') || NOT_A_RECIPIENT_LINE.test(line)) continue;
    const reply = SMTP_REPLY_LINE.exec(line);
    if (reply) {
      for (const address of findAddresses(line)) add(address, cleanDiagnostic(line));
      continue;
    }
    if (/(>>>|-->?)\s*rcpt to/i.test(line)) {
      const answer = lines.slice(i + 1, i + 4).find((next) => SMTP_REPLY_LINE.test(next));
      for (const address of findAddresses(line)) add(address, answer ? cleanDiagnostic(answer) : null);
      continue;
    }
    const match = ADDRESS_LINE.exec(line);
    if (!match) continue;
    const address = findAddresses(match[1])[0];
    if (!address) continue;
    const rest = [match[2], match[4]].filter(Boolean).join(' ').trim();
    const follow: string[] = [];
    for (let j = i + 1; j < lines.length && follow.length < 6; j += 1) {
      const next = lines[j];
      if (!next.trim()) {
        // "because:" and the like announce the answer after a blank line.
        if (follow.length && !/:\s*$/.test(follow[follow.length - 1])) break;
        continue;
      }
      if (ADDRESS_LINE.test(next) && !/^\s{2,}/.test(next) && !SMTP_REPLY_LINE.test(next)) break;
      if (/^\s*[-=*_]{3,}/.test(next)) break;
      if (!/^\s*\((ultimately )?generated from/i.test(next)) follow.push(next);
    }
    const said = [rest, ...follow].join(' ').trim();
    add(address, said && isDiagnosticLine(said) ? cleanDiagnostic(said.replace(/^(because|reason)\s*:\s*/i, '')) : null);
  }
  return [...found].map(([address, diagnostic]) => ({ address, diagnostic }));
};

/** A one-line account of the failure taken from a notice without per-recipient answers. */
export const noticeDiagnostic = (notice: string): string | null => {
  const lines = notice.split('\n').slice(0, 400);
  const reply = lines.find(
    (line) =>
      /^\s*(?:<<<\s*|<--?\s*)?[45]\d\d[ -]\S/.test(line) ||
      /\b(said|says|responded|returned|error was|details|diagnostic(-code)?|response)\s*:?\s*'?([a-z]+;\s*)?[45]\d\d\b/i.test(line)
  );
  if (reply) return cleanDiagnostic(reply);
  const candidates = lines.filter((line) => line.trim().length > 10 && !/^\s*(subject|from|to|date)\s*:/i.test(line));
  const explained = candidates.find((line) => reasonFromText(line)) ?? candidates.find((line) => isDiagnosticLine(line));
  // A greeting ("Sorry user@example.com.") is no part of the explanation.
  return explained ? oneLine(explained).replace(/^(sorry|hello|hi|dear)\b.{0,120}?[.!]\s+(?=\S)/i, '') : null;
};

const LABELLED_STATUS = /(?:\b[245]\d\d[ -]|\b(?:status|code|error)\b[^\n\d]{0,20})#?([245]\.\d{1,3}\.\d{1,3})\b/i;

/** The enhanced status a notice states in its text (Office 365's "Status code: 550 5.2.2"), not a date or a version. */
export const noticeStatus = (notice: string): string | null => findStatus(LABELLED_STATUS.exec(notice.slice(0, 20000))?.[1]);

/**
 * Notices that name the failed mailboxes without their domain (AOL's "could not be delivered ...:"
 * followed by bare names): the domain is the notice sender's.
 */
export const readBareLocalParts = (notice: string, senderDomain: string | null): string[] => {
  if (!senderDomain) return [];
  const heading = /following recipients?[^\n]*:\s*\n((?:[ \t]+[A-Za-z0-9._+-]+[ \t]*\n?)+)/i.exec(notice);
  if (!heading) return [];
  return heading[1]
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean)
    .map((local) => `${local}@${senderDomain}`);
};
