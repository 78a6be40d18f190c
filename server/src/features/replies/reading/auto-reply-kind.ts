import type { AutoReplyKind } from '../../../../../shared/contracts/replies';
import { hasTicketWords, hasVacationBody, hasVacationSubject, isTicketSystemHeader } from '../../inbound/classifier/auto-replies';

/** What an auto-reply is read from: its subject, its text, its header names and Auto-Submitted. */
export interface AutoReplyMail {
  subject: string;
  text: string;
  headerNames: readonly string[];
  autoSubmitted: string | null;
}

/** The writer left: the note says the person or the mailbox is gone, not away. */
const LEFT_COMPANY = new RegExp(
  [
    '\\b(is|am|are) no longer (with|at|employed|working|part of|an employee)\\b',
    '\\bno longer (works?|working) (at|for|with)\\b',
    '\\b(has|have) (since )?left (the|our) (company|organi[sz]ation|firm|business)\\b',
    '\\b(address|mailbox|account) is no longer (in use|active|monitored|valid)\\b',
    "n['’]est plus (chez|employ[ée]e?|en poste|au sein|dans (la|notre) (soci[ée]t[ée]|entreprise)|membre)",
    'ne fait plus partie',
    'ne travaille plus',
    "a quitt[ée] (la soci[ée]t[ée]|l['’]entreprise|notre|l['’]organisation)",
    'nicht mehr (im|in unserem|bei unserem) unternehmen',
    'nicht mehr (bei uns|f[üu]r (uns|die firma)|t[äa]tig|besch[äa]ftigt)',
    'hat (das|unser) unternehmen verlassen|hat die firma verlassen|(aus dem unternehmen )?ausgeschieden',
    'ya no (trabaja|forma parte|pertenece|est[áa] (en|con))',
    'ha dejado (la|nuestra) (empresa|compa[ñn][íi]a)|dej[óo] la empresa',
    "non (lavora|fa) pi[uù] (parte|presso|per)|ha lasciato (l['’]azienda|la societ[àa])",
    'n[ãa]o (trabalha|faz parte) mais|deixou a empresa',
    '(werkt|is) niet meer (bij|werkzaam|in dienst)|niet langer (werkzaam|in dienst)',
  ].join('|'),
  'i'
);

/** What mail software titles every automatic answer with: it says nothing of an absence. */
const GENERIC_SUBJECT =
  /^\s*(auto(matic|mated)?[ -_]?(reply|response|answer)|autoreply|automatische antwort|r[ée]ponse automatique|respuesta autom[aá]tica|risposta automatica|resposta autom[aá]tica)\s*:?/i;

/** A ticket number as ticket systems print it: "[#12345]", "Ticket #4711", "Case No. 42". */
const TICKET_NUMBER = /\[#\s*\d{3,}\]|\b(ticket|case|request|anfrage|demande|solicitud)\s*(#|no\.?|nr\.?|number|id)\s*:?\s*[\w-]*\d/i;
const TICKET_WORD = /\b(ticket|case|request|anfrage|demande|solicitud|support)\b/i;

/**
 * The kind of an auto-reply: the writer has left (first: Outlook titles every automatic answer
 * alike, so the words decide), a ticket system's acknowledgement (its headers, a ticket number,
 * its wording), an out-of-office note (the classifier's vacation words, or a stated return date),
 * else other.
 */
export const autoReplyKindOf = (mail: AutoReplyMail, hasReturnDate: boolean): AutoReplyKind => {
  const opening = mail.text.slice(0, 3000);
  if (LEFT_COMPANY.test(opening) || LEFT_COMPANY.test(mail.subject)) return 'left-company';
  const generated = /^auto-generated/i.test(mail.autoSubmitted ?? '');
  if (
    mail.headerNames.some(isTicketSystemHeader) ||
    TICKET_NUMBER.test(mail.subject) ||
    hasTicketWords(mail.subject, opening) ||
    (generated && (TICKET_WORD.test(mail.subject) || TICKET_NUMBER.test(opening)))
  )
    return 'ticket';
  if (hasVacationSubject(mail.subject.replace(GENERIC_SUBJECT, '')) || hasVacationBody(opening) || hasReturnDate) return 'out-of-office';
  return 'other';
};
