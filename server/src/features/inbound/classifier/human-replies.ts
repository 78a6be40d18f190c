/** What a person writes back: a reply, or a request to be taken off the list, in their own words. */

const REPLY_SUBJECT = /^\s*(re|aw|antw|antwort|sv|vs|r|rif|réf|ref|odp|res|ynt|回复|答复|返信)\s*(\[\d+\])?\s*:/i;

export const hasReplySubject = (subject: string): boolean => REPLY_SUBJECT.test(subject);

/** Where the quoted original, a forwarded header block or a phone's signature starts, in the languages mail clients write. */
const QUOTE_START =
  /^(-{2,} ?(original message|urspr[üu]ngliche nachricht|message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht|oryginalna wiadomo[śs][ćc]|wiadomo[śs][ćc] oryginalna|исходное сообщение|原始邮件|元のメッセージ) ?-{2,}|on .{0,200} wrote:|le .{0,200} a [ée]crit ?:|am .{0,200} schrieb .{0,200}:|el .{0,200} escribi[oó]:|il .{0,200} ha scritto:|em .{0,200} escreveu:|op .{0,200} schreef .{0,200}:|w dniu .{0,200} pisze:|(from|von|de|da|van|od|от|差出人|发件人|보낸 사람) ?: .+|sent from my |von meinem .{0,40} gesendet|envoy[ée] de mon |enviado desde mi |inviato da |verzonden (vanaf|met) mijn |wys[lł]ane z |enviado do meu |отправлено с |-- ?$|_{5,})/im;

/** The writer's own words: quoted lines, the quoted original and the signature taken away. */
export const ownWords = (text: string): string => {
  const cut = text.search(QUOTE_START);
  return (cut === -1 ? text : text.slice(0, cut))
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n')
    .trim();
};

/** Asking to be taken off the list, in the words people use for it in many languages. */
const UNSUBSCRIBE_PHRASE =
  /unsubscribe|remove me|take me off|opt (me )?out|opt-?out|cancel (my )?subscription|(no|don't send( me)?) (more|any more|further) (e-?mails|mails|newsletters|messages)|stop (sending|e-?mailing|mailing|spamming)|^\W*(please )?stop( it)?( please)?\W*$|d[ée]sabonne|d[ée]sinscri|retirez-moi|supprimez-moi|retirez mon adresse|ne (plus|veux plus) recevoir|abmelden|abbestellen|austragen|aus (ihrem|deinem|eurem|dem) (e-?mail-?)?verteiler|(entfernen|streichen|l[öo]schen) sie mich|nehmen sie mich (aus|von)|keine (weiteren )?(e-?mails|newsletter|werbung|nachrichten) mehr|(darme|darse|dar|d[ée]nme) de baja|^\W*baja\W*$|qu[ií]t(en|e)me de|elim[ií]n(en|e)me de|b[oó]rr(en|e)me de|cancelar (la |mi )?suscripci[oó]n|no (quiero|deseo) recibir|disiscriv|cancellami|cancella(re)? (la )?(mia )?iscrizione|non (voglio|desidero) (pi[uù] )?ricevere|descadastr|cancelar (a )?(minha )?inscri[cç][aã]o|remover (da|meu e-?mail da) lista|n[aã]o (quero|desejo) (mais )?receber|afmelden|uitschrijven|schrijf (me|mij) uit|wypis(z|a[ćc]|zcie)|rezygnuj|usu[nń] (mnie|m[oó]j adres)|отписат|отпишите|удалите (меня|мой адрес)|配信(を)?停止|購読(を)?解除|退订|取消订阅|수신 ?거부|구독 ?(취소|해지)|odhl[áa]sit|avregistrera|afmeld|peruuta tilaus/i;

/** How a newsletter's footer offers to unsubscribe: a link, an instruction, not a request. */
const NEWSLETTER_FOOTER = /https?:|www\.|\bclick\b|\b(if you|you can|to unsubscribe|here to)\b|\blink\b/i;

/** Short new words (the quote aside) whose opening lines ask to be removed: a reply that only says so. */
const asksToUnsubscribe = (text: string): boolean => {
  if (!text || text.length > 300) return false;
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 5);
  return lines.some((line) => line.length <= 120 && UNSUBSCRIBE_PHRASE.test(line) && !NEWSLETTER_FOOTER.test(line));
};

/** Mail to a List-Unsubscribe mailto: address. */
export const isUnsubscribeAddress = (to: readonly string[]): boolean =>
  to.some((address) => /^(unsubscribe|unsub|optout|opt-out|leave)[+\-_.@]/i.test(address));

/** A reply whose subject or own words ask to be removed. */
export const isUnsubscribeRequest = (subject: string, ownText: string): boolean => {
  const bareSubject = subject.replace(REPLY_SUBJECT, '').trim();
  if (bareSubject.length <= 60 && UNSUBSCRIBE_PHRASE.test(bareSubject) && ownText.length < 500) return true;
  return asksToUnsubscribe(ownText);
};
