import type { HeaderBlock } from './headers';

/**
 * Messages a mailbox sends by itself in answer to ours: out-of-office notes, vacation(1), ticket
 * systems acknowledging a "request", challenge/response systems. None of them is a bounce.
 */

const VACATION_SUBJECT =
  /auto(matic|mated)?[ -_]?(reply|response|answer|antwort|risposta|respuesta|resposta|r[ée]ponse|re:)|autoreply|autoresponder|out of (the )?office|\booo\b|on (vacation|holiday|leave)|vacation|holiday|away from (the |my )?(office|desk|(e-?)?mail)|i am away|i'm away|currently away|abwesen|automatische antwort|nicht im b[üu]ro|au[ßs]er haus|urlaub|r[ée]ponse automatique|absence|absent|en cong[ée]|hors du bureau|respuesta autom[aá]tica|fuera de (la )?oficina|ausente|de vacaciones|risposta automatica|fuori (ufficio|sede)|assente|in ferie|resposta autom[aá]tica|fora do escrit[oó]rio|aus[êe]ncia|em f[ée]rias|automatisch(e)? (antwoord|beantwoord)|afwezig|niet (aanwezig|op kantoor)|met vakantie|odpowied[zź] automatyczna|automatyczna odpowied[zź]|nieobecno[śs][ćc]|poza (biurem|biurem)|urlop|自動(応答|返信|送信|回答)|不在|休暇|outside of (the )?office|auto-?reply|réponse auto/i;

/** What an absence note says, in the languages people write them in. */
const VACATION_BODY =
  /\bout of (the )?office\b|\b(i am|i'm|i will be|i'll be) (currently |now )?(out|away|on (annual |parental |sick |maternity )?leave|on vacation|on holiday|travell?ing|not in the office|absent)\b|\b(will not|won't|shall not) be (reading|checking|able to (read|check|answer|respond to)) (my )?(e-?mail|mail|messages)|limited access to (my )?(e-?mail|mail)|(will|shall) (respond|reply|answer|get back|be read|read it|read your).{0,60}\b(when|upon|after|on) (i'm |i am |my )?(back|return)|(bin|ist) .{0,60}(nicht im b[üu]ro|abwesend|im urlaub|au[ßs]er haus)|nach meiner r[üu]ckkehr|je suis (actuellement )?(absent|en cong[ée]|en vacances|hors du bureau)|d[èe]s mon retour|estoy (fuera de la oficina|de vacaciones|ausente)|a mi (regreso|vuelta)|sono (fuori (ufficio|sede)|in ferie|assente)|al mio rientro|estou (fora do escrit[óo]rio|de f[ée]rias|ausente)|(no meu|ap[óo]s o meu) (regresso|retorno)|ben (momenteel |tot .{0,30})?(afwezig|met vakantie|niet op kantoor)|jestem (na urlopie|nieobecn)|(я )?(в отпуске|нахожусь в отпуске|буду отсутствовать)|不在にしております|休暇(中|を取って)|(正在)?休假|不在办公室|부재 ?중|휴가 ?중/i;

const CHALLENGE =
  /please (confirm|verify) (that )?(you are|you're) (a )?(human|real|person|sender)|(confirm|verify|authenticate) (your|this) (message|e-?mail|address|identity)|(challenge|verification) (request|response|message)|spam (protection|filter|blocker).{0,120}(click|confirm|verify|reply)|whitelist|white-list|allowlist|approved senders|boxbe|bluebottle|spamarrest|mailblocks|choicemail|sendio|earthlink spamblocker|(waiting|awaiting) (for )?(your )?(verification|confirmation)|requires? (your )?(verification|confirmation)|(add|added) (you )?to (my|the) (approved|trusted|allowed)/i;

const CHALLENGE_SYSTEM =
  /\b(boxbe|bluebottle|spamarrest|spam arrest|mailblocks|choicemail|sendio|qurb|cleanmymailbox|mailwasher|earthlink spamblocker)\b|guest list|has been waitlisted|(confirm|prove|verify) (that )?(you are|you're) (a )?(human|real person|person)|click (on )?the (link|button) below to (be added|confirm|verify|release|deliver)/i;

/** What ticket systems (Zendesk, Freshdesk, Jira, OTRS, RT...) say when they open a "request" for our message. */
const TICKET_SUBJECT =
  /\[?(request|ticket|case|incident)\s*(#|no\.?|id:?)?\s*[\w-]*\d+\]?.{0,20}\b(received|created|opened|logged|registered)\b|\b(request|ticket|case) (has been )?(received|created|opened|logged)\b|\[request received\]|\bauto-?ack|(anfrage|ticket) .{0,30}(erhalten|eingegangen|erstellt)|demande .{0,30}(re[çc]ue|cr[ée]{2}e|enregistr[ée]e)|solicitud .{0,30}(recibida|creada|registrada)|richiesta .{0,30}(ricevuta|creata|registrata)|(solicita[çc][ãa]o|pedido|chamado) .{0,30}(recebid|criad|abert)|(aanvraag|verzoek|ticket) .{0,30}(ontvangen|aangemaakt)|zg[lł]oszeni\S* .{0,30}(przyj[eę]t|utworzon|otrzyman)/i;
const TICKET_BODY =
  /\b(we('ve| have)|we've) (successfully )?received your (request|message|e-?mail|inquiry|enquiry|ticket)|\b(a )?(support )?(ticket|case|request) (\(?#?\d+\)? )?(has been|was) (created|opened|logged|received|registered)|your (request|ticket|case) (\(?#?[\w-]*\d+\)? )?(has been|was|is being) (received|created|opened|logged|reviewed)|wir haben ihre (anfrage|nachricht|e-?mail) erhalten|ihre anfrage (ist bei uns eingegangen|wurde (erstellt|empfangen|registriert))|nous avons (bien )?re[çc]u votre (demande|message|e-?mail|courriel)|hemos recibido (su|tu) (solicitud|mensaje|correo|consulta)|abbiamo ricevuto (la sua|la tua|il suo|il tuo) (richiesta|e-?mail|messaggio)|recebemos (a sua|sua|o seu|seu) (solicita[çc][ãa]o|mensagem|e-?mail|pedido)|we hebben (uw|je) (aanvraag|verzoek|bericht|e-?mail) ontvangen|otrzymali[śs]my (twoje|pana|pani|pa[nń]stwa) (zg[lł]oszenie|wiadomo[śs][ćc])/i;

/** Headers only ticket systems write. */
const TICKET_HEADER =
  /^(x-(zendesk|freshdesk|otrs|rt-|jira|helpscout|kayako|zammad|osticket|servicenow|spiceworks|groove|kustomer)|rt-ticket)/i;

/** RFC 3834 and the headers autoresponders use instead of it. */
export const hasAutoReplyHeaders = (headers: HeaderBlock): boolean => {
  const autoSubmitted = (headers.get('auto-submitted') ?? '').toLowerCase();
  if (autoSubmitted.startsWith('auto-replied')) return true;
  const flags = ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-autogenerated', 'x-vacation'];
  if (flags.some((name) => headers.has(name) && !/^(no|false|0)\b/i.test(headers.get(name) ?? ''))) return true;
  if (/^auto[_-]?reply$/i.test(headers.get('precedence') ?? '')) return true;
  return false;
};

export const isAutoGenerated = (headers: HeaderBlock): boolean => /^auto-/i.test(headers.get('auto-submitted') ?? '');
/** vacation(1) and mailing software mark what they send as bulk or junk, which a person's reply never is. */
export const isBulk = (headers: HeaderBlock): boolean => /^(bulk|junk|list)\b/i.test(headers.get('precedence') ?? '');
export const hasVacationSubject = (subject: string): boolean => VACATION_SUBJECT.test(subject);
export const hasVacationBody = (text: string): boolean => VACATION_BODY.test(text.slice(0, 3000));

/** A header only ticket systems write (X-Zendesk-*, X-Freshdesk-*, RT-Ticket...). */
export const isTicketSystemHeader = (name: string): boolean => TICKET_HEADER.test(name);

/** What a ticket system says when it opens a request, in its subject or in the opening of its text. */
export const hasTicketWords = (subject: string, text: string): boolean =>
  TICKET_SUBJECT.test(subject) || TICKET_BODY.test(text.slice(0, 3000));

export const isTicketAcknowledgement = (subject: string, text: string, headers: HeaderBlock): boolean =>
  TICKET_SUBJECT.test(subject) ||
  (TICKET_BODY.test(text.slice(0, 3000)) && (headers.fields.some((field) => isTicketSystemHeader(field.name)) || isBulk(headers)));

export const isChallenge = (subject: string, text: string): boolean => CHALLENGE.test(subject) || CHALLENGE.test(text.slice(0, 5000));

/** Names or phrases only challenge/response systems use (a DSN that merely mentions a whitelist is still a bounce). */
export const isChallengeSystem = (subject: string, text: string): boolean =>
  CHALLENGE_SYSTEM.test(subject) || CHALLENGE_SYSTEM.test(text.slice(0, 5000));
