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

export const isDelayWarning = (subject: string, text: string): boolean =>
  /delay|warning|still (being retried|trying)|verz[öo]gert|retard/i.test(subject) ||
  (DELAY.test(text.slice(0, 3000)) && !/permanent|fatal|giving up|gave up|failed permanently/i.test(text.slice(0, 3000)));

export const hasBounceSubject = (subject: string): boolean => BOUNCE_SUBJECT.test(subject);
export const hasBounceBody = (text: string): boolean => BOUNCE_BODY.test(text.slice(0, 20000));
export const isSystemSender = (from: string): boolean => SYSTEM_SENDER.test(from);
