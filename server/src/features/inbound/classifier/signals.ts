import type { HeaderBlock } from './headers';

/** What the headers and words of a message say it is, before anything is read of its recipients. */

const BOUNCE_SUBJECT =
  /undeliver|undelivered|not delivered|delivery (status notification|failure|failed|notification|report|problem|has failed)|failure notice|returned mail|returned to sender|mail delivery failed|could not be delivered|non[- ]?delivery|nondeliverable|delivery error|mail system error|rejected|bounce|unzustellbar|nicht zugestellt|non remis|non d[ée]livr|no entregado|no se pudo entregar|non recapitat|impossibile recapitare|n[aã]o entregue|onbestelbaar|niet bezorgd|nie dostarczono|niedostarczon|配信(不能|エラー|失敗)|не доставлено|недоставлен|message (status|failure)|mail failure|failed mail|delivery (notice|incomplete)|warning: could not send|permanent error|user unknown|blocked|spam notification|hard ?bounce|soft ?bounce/i;

/** Sentences only mail systems write when a message cannot be delivered. */
const BOUNCE_BODY =
  /this message was created automatically by mail delivery software|this is the (qmail-send|mail system|postfix) program|could not be delivered to (one or more|the following|all)|following addresses? had (permanent )?fatal errors|transcript of session follows|delivery to the following recipients? (failed|has failed|was unsuccessful)|delivery has failed to these recipients|your message (did not reach|could not be delivered|was not delivered|wasn't delivered|cannot be delivered|couldn't be delivered)|message (could not|cannot|couldn't) be delivered|(i'm|we're|i am|we are) (sorry|afraid) (to have to inform you that )?(that )?(your|the) message|unable to deliver (your|the|this) message|permanent(ly)? (fatal )?(error|failure)|delivery (of your|to the following) .{0,40}(failed|unsuccessful)|was not delivered to|(has )?not been delivered|was blocked by|\bbounced\b|undeliverable|failed to deliver|delivery failed|returned as undeliverable|message was rejected|message you sent .{0,40}(could not|was not|wasn't)|your e-?mail (could not|was not|cannot) be delivered|could not deliver|mail delivery (failed|error|problem)|not able to deliver|nicht zugestellt werden|konnte nicht zugestellt|n'a pas pu [êe]tre (remis|distribu|d[ée]livr)|no (se )?(ha )?podido (ser )?entregar|non [èe] stato possibile (recapitare|consegnare)|n[aã]o (p[ôo]de|foi poss[íi]vel) (ser )?entregue|kon niet worden bezorgd|nie (mog[lł]a|zosta[lł]a) (zosta[ćc] )?dostarczon|не (может быть|удалось|было) доставлен/i;

const DELAY =
  /\b(delay(ed)?|warning|will (continue|keep|retry|try)|still (trying|being retried|in the queue)|not yet (been )?delivered|temporar(il)?y (delayed|deferred|not delivered)|delivery attempts will continue|you do not need to resend|retry(ing)? (for|until)|deferred|verz[öo]gert|retard|retrasad|ritard)\b/i;

const SYSTEM_SENDER =
  /mailer-daemon|postmaster|mail ?delivery|mail ?administrator|delivery ?(status|notification|subsystem|system)|mail ?system|microsoftexchange|mailer|daemon|bounce|returned/i;

const VACATION_SUBJECT =
  /auto(matic|mated)?[ -_]?(reply|response|answer|antwort|risposta|respuesta|resposta|r[ée]ponse|re:)|autoreply|autoresponder|out of (the )?office|\booo\b|on (vacation|holiday|leave)|vacation|holiday|away from (the |my )?(office|desk|e-?mail)|i am away|i'm away|currently away|abwesen|automatische antwort|nicht im b[üu]ro|au[ßs]er haus|urlaub|r[ée]ponse automatique|absence|absent|en cong[ée]|hors du bureau|respuesta autom[aá]tica|fuera de (la )?oficina|ausente|de vacaciones|risposta automatica|fuori (ufficio|sede)|assente|in ferie|resposta autom[aá]tica|fora do escrit[oó]rio|aus[êe]ncia|em f[ée]rias|automatisch(e)? (antwoord|beantwoord)|afwezig|niet (aanwezig|op kantoor)|met vakantie|odpowied[zź] automatyczna|automatyczna odpowied[zź]|nieobecno[śs][ćc]|poza (biurem|biurem)|urlop|自動(応答|返信|送信|回答)|不在|休暇|outside of (the )?office|auto-?reply|réponse auto/i;

const CHALLENGE =
  /please (confirm|verify) (that )?(you are|you're) (a )?(human|real|person|sender)|(confirm|verify|authenticate) (your|this) (message|e-?mail|address|identity)|(challenge|verification) (request|response|message)|spam (protection|filter|blocker).{0,120}(click|confirm|verify|reply)|whitelist|white-list|allowlist|approved senders|boxbe|bluebottle|spamarrest|mailblocks|choicemail|sendio|earthlink spamblocker|(waiting|awaiting) (for )?(your )?(verification|confirmation)|requires? (your )?(verification|confirmation)|(add|added) (you )?to (my|the) (approved|trusted|allowed)/i;

const REPLY_SUBJECT = /^\s*(re|aw|antw|antwort|sv|vs|r|rif|réf|ref|odp|res|ynt|回复|答复|返信)\s*(\[\d+\])?\s*:/i;

const UNSUBSCRIBE_WORDS =
  /^\W*(please\W+)?(unsubscribe|remove( me)?|take me off|stop|opt[- ]?out|cancel( my)? subscription|d[ée]sabonne(r|z)?(-moi)?|d[ée]sinscri(re|vez|ption)(-moi)?|abmelden|abbestellen|austragen|bitte austragen|darme de baja|dar(se)? de baja|baja|cancelar (la )?suscripci[oó]n|disiscriv(i|ere|imi)|cancellami|cancella(re)? (l')?iscrizione|descadastr(ar|e)(-me)?|cancelar (a )?inscri[cç][aã]o|afmelden|uitschrijven|wypisz( mnie)?|rezygnuj[eę]?|配信停止|購読解除)\W*(me\W*)?(please|pls|plz|bitte|danke|s'il vous pla[iî]t|svp|stp|merci|por favor|gracias|per favore|grazie|obrigad[oa]|alstublieft|bedankt|prosz[eę]|dzi[eę]kuj[eę]|thanks?( you)?)?\W*$/i;

export const isDelayWarning = (subject: string, text: string): boolean =>
  /delay|warning|still (being retried|trying)|verz[öo]gert|retard/i.test(subject) ||
  (DELAY.test(text.slice(0, 3000)) && !/permanent|fatal|giving up|gave up|failed permanently/i.test(text.slice(0, 3000)));

export const hasBounceSubject = (subject: string): boolean => BOUNCE_SUBJECT.test(subject);
export const hasBounceBody = (text: string): boolean => BOUNCE_BODY.test(text.slice(0, 20000));
export const isSystemSender = (from: string): boolean => SYSTEM_SENDER.test(from);

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
export const hasVacationSubject = (subject: string): boolean => VACATION_SUBJECT.test(subject);
export const isChallenge = (subject: string, text: string): boolean => CHALLENGE.test(subject) || CHALLENGE.test(text.slice(0, 5000));
const CHALLENGE_SYSTEM =
  /\b(boxbe|bluebottle|spamarrest|spam arrest|mailblocks|choicemail|sendio|qurb|cleanmymailbox|mailwasher|earthlink spamblocker)\b|guest list|has been waitlisted|(confirm|prove|verify) (that )?(you are|you're) (a )?(human|real person|person)|click (on )?the (link|button) below to (be added|confirm|verify|release|deliver)/i;

/** Names or phrases only challenge/response systems use (a DSN that merely mentions a whitelist is still a bounce). */
export const isChallengeSystem = (subject: string, text: string): boolean =>
  CHALLENGE_SYSTEM.test(subject) || CHALLENGE_SYSTEM.test(text.slice(0, 5000));
export const hasReplySubject = (subject: string): boolean => REPLY_SUBJECT.test(subject);

/** The writer's own words: quoted lines, the quoted original and the signature taken away. */
export const ownWords = (text: string): string => {
  const cut = text.search(
    /^(-{2,} ?original message ?-{2,}|on .{0,200} wrote:|le .{0,200} a [ée]crit ?:|am .{0,200} schrieb .{0,200}:|el .{0,200} escribi[oó]:|il .{0,200} ha scritto:|em .{0,200} escreveu:|op .{0,200} schreef .{0,200}:|w dniu .{0,200} pisze:|from: .+|-- ?$|_{5,})/im
  );
  return (cut === -1 ? text : text.slice(0, cut))
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n')
    .trim();
};

export const isUnsubscribeRequest = (subject: string, ownText: string, to: readonly string[]): boolean => {
  const bareSubject = subject.replace(REPLY_SUBJECT, '').trim();
  if (UNSUBSCRIBE_WORDS.test(bareSubject) && ownText.length < 500) return true;
  if (to.some((address) => /^(unsubscribe|unsub|optout|opt-out|leave)[+\-_.@]/i.test(address))) return true;
  return ownText.length > 0 && ownText.length < 200 && UNSUBSCRIBE_WORDS.test(ownText.replace(/\s+/g, ' '));
};
