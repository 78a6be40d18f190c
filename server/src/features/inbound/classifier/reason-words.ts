import type { BounceReason } from './classification';

/**
 * Why a delivery failed, from what the remote server or the notice said (in the languages real
 * mail systems answer in) and from the RFC 3463 status code. Rules are tried in order: the more
 * specific words first (a blocklist named "spamhaus" is a block, not spam content).
 */
export const TEXT_RULES: ReadonlyArray<readonly [BounceReason, RegExp]> = [
  // Directory lookups say "not listed", which is no blocklist; Exchange Online's directory-based
  // edge blocking answers an address missing from the tenant with "access denied".
  [
    'userunknown',
    /recipient address rejected: access denied|not listed in (the )?([\w-]+ )?(directory|address book|public names|global address list)|nicht im ([\w-]+[ -])?(verzeichnis|adressbuch)|ne figure pas dans (l'annuaire|le carnet)|n'est pas (r[ée]pertori[ée]|list[ée]) dans|no (est[áa]|figura|aparece) en (el|la) ([\w-]+ )?(directorio|libreta)|non (è|e') (presente|elencato) (nella|nel|in) (rubrica|elenco|directory)|niet (vermeld |opgenomen )?in (de|het) ([\w-]+ )?(adresboek|directory)|n[ãa]o (est[áa] listado|consta) n[oa] (diret[óo]rio|cat[áa]logo)/i,
  ],
  // Attachments refused are about the content, whatever else the answer says of it.
  [
    'contenterror',
    /attachments? (of type|with|type|extension|are not|is not|not (allowed|accepted|permitted))|(file|attachment) (type|extension|name)s? .{0,40}(not|blocked|banned|prohibited|refused)|(banned|blocked|forbidden|prohibited|dangerous) (file|attachment)|embedded images/i,
  ],
  // A lookup that failed for now says nothing of whether the domain exists.
  [
    'networkerror',
    /not found, try again|temporary failure in name resolution|\bservfail\b|dns (lookup |query )?(timeout|timed out|temporary)|name ?server (timeout|failure|not responding)/i,
  ],
  // The sender's own address or domain refused: said before any "domain not found" is read as the recipient's.
  [
    'rejected',
    /sender address rejected|sender (address |domain )?(verify|verification) failed|domain of sender( address)?|sender domain .{0,40}(not found|does not exist|unknown|invalid)|envelope sender .{0,40}(rejected|invalid)/i,
  ],
  [
    'virusdetected',
    /\b(virus|malware|infected|trojan|worm)\b.{0,40}\b(found|detected|infected|contain)|\bcontains? (a )?virus|virus (found|detected)|malicious (content|attachment)/i,
  ],
  [
    'authfailure',
    /\b(spf|dkim|dmarc)\b.{0,60}\b(fail|check|polic|reject|not pass|did not|does not|alignment|record|invalid|softfail|permerror)|\b(fail|failed|failing)\b.{0,40}\b(spf|dkim|dmarc)\b|does not pass authentication|unauthenticated (email|mail|message)|sender policy framework|not authorized by .{0,40}\bdomain|authentication checks/i,
  ],
  [
    'requireptr',
    /reverse (dns|lookup|hostname|name)|\bptr\b|\brdns\b|cannot find your (reverse )?hostname|no (reverse|rdns)|does not have a reverse|client host .{0,80}(unknown|not found)|hostname .{0,30}(does not|doesn't) resolve|unresolvable (relay )?host name|ip name lookup failed/i,
  ],
  ['badreputation', /\breputation\b|sender ?score|low (sender )?score|\btrusted\b.{0,20}\bsender\b|poor sending (history|practices)/i],
  [
    'blocked',
    /black ?list|block ?list|deny ?list|\b(spamhaus|spamcop|sorbs|barracuda|cbl\.|dnsbls?|rbls?|uceprotect|senderbase|mailspike|abuseat|psbl|surbl|spam-?rbl|proofpoint ?dynamic)\b|liste (noire|de blocage)|lista (negra|nera|de bloqueo)|schwarze(n)? liste|sperrliste|zwarte lijst|czarn(a|ej) list|(черн|чёрн)\S* спис|ブラックリスト|黑名单|블랙리스트|\blisted (in|on|at|by)\b|\bip\b.{0,60}\b(block|banned|denied|reject|refused|not allowed|listed)|(block|banned|denied|reject|refused)\w*\b.{0,40}\b(your|the|sending|client|connecting)? ?ip\b|\bconnection (refused|rejected|denied)\b.{0,40}(policy|block)|client host .{0,60}\b(rejected|blocked|refused)|access denied.{0,20}(ip|host|client)|\bhost\b.{0,40}\b(blocked|banned|blacklisted)|dynamic(ally)? (ip|assigned|address|pool)|dial-?up|residential|\bdul\b|not allowed to send mail from|service refused for the ip|has been temporarily blocked|blocked using|\bclient\b.{0,60}\bblocked\b|\bblocked\b.{0,30}\b(ip|address|host|server|mta)|\bbanned sender|^\s*5\d\d .{0,20}\bblocked\b/im,
  ],
  [
    'norelaying',
    /relay(ing)? (access )?(denied|not permitted|not allowed|prohibited|refused)|not (permitted|allowed) to relay|unable to relay|we do not relay|relaying (mail )?(to .{1,80} )?(is )?(denied|not allowed|prohibited)|relay not permitted|not a gateway|use me .{0,80}as a relay|\brcpthosts\b|no relaying|cannot relay|can't relay|relay (is )?not (allowed|authorized)|open relay|not (a )?local (domain|recipient).{0,40}relay/i,
  ],
  [
    'hasmoved',
    /\bhas moved\b|\bmoved to\b|has been replaced by|new (e-?mail )?address (is|:)|(address|user|recipient) (has )?changed (to|address)|no longer (valid|available|used|active|in use|in service)?\s*[,;:.-]?\s*(please )?(use|contact|write to|send to)\b|\b5\.1\.6\b/i,
  ],
  [
    'suspend',
    /\b(suspended|deactivated|disabled|inactive|discontinued|locked|frozen|blocked account|closed account|terminated)\b.{0,30}\b(account|mailbox|user|address|e-?mail)|\b(account|mailbox|user|address|e-?mail box)\b.{0,40}\b(suspended|deactivated|disabled|inactive|discontinued|is locked|frozen|has been closed|is closed|terminated|expired|not active|isn't active|is not enabled|blocked due to inactivity|temporarily unavailable for delivery)|\[suspend\]|account (that you tried to reach )?is (disabled|inactive)|cuenta (suspendida|deshabilitada|desactivada|bloqueada|inactiva)|compte (d[ée]sactiv[ée]|suspendu|bloqu[ée]|inactif)|bo[iî]te (aux lettres |mail )?(d[ée]sactiv[ée]e|suspendue|bloqu[ée]e)|(konto|postfach|mailbox) (ist )?(gesperrt|deaktiviert|stillgelegt)|konto (jest )?(zablokowane|zawieszone|nieaktywne|wy[lł][aą]czone)|(account|casella)( di posta)? (sospes[oa]|disattivat[oa]|bloccat[oa])|conta (suspensa|desativada|bloqueada|inativa)|(account|mailbox) (is )?(geblokkeerd|gedeactiveerd|opgeschort)|(ящик|аккаунт|учетная запись|учётная запись)\S*( \S+){0,3} (заблокирован|отключен|приостановлен)|(利用|使用)停止|停止されて|已(被)?(停用|冻结|禁用)|(휴면|정지된|비활성)|mailbox unavailable.{0,20}inactive|not an active (address|mailbox|user)/i,
  ],
  [
    'notaccept',
    /null mx|does not accept (e-?mail|mail|messages)(?! from)|accepts no mail|no mail (service|server)s? (for|at)|domain (does not|doesn't) (receive|accept) (mail|e-?mail)|not accepting (any )?(mail|messages|email)(?! (with|from|containing))/i,
  ],
  [
    'mailboxfull',
    /(mail ?box|mail ?file|in-?box|postfach|mail-?datei)('s)? .{0,30}(exceeds?|exceeded|over|reached|überschritten|[üu]berschreitet) (its |the |their |his |her |seine |ihre |das )?(quota|kontingent|storage|size limit|speicher)|mail ?file .{0,20}(is )?full|(quota|kontingent|speicherbegrenzung) (ist )?([üu]berschritten|ersch[öo]pft|erreicht)|espace (de stockage )?(insuffisant|plein|satur[ée])|cuota (excedida|superada|llena)|(ha superato|supera) (la |il )?(quota|limite)|quota superata|(cota|quota) (excedida|esgotada)|(limiet|quota) (bereikt|overschreden)|postvak (is )?vol|przepe[lł]nion|limit (miejsca|pojemno)|(почтовый )?ящик (переполнен|заполнен)|квот|容量(オーバー|超過|不足)|メールボックス.{0,10}(いっぱい|満杯|容量)|(邮箱|信箱)\S{0,4}(已满|满了|空间不足|容量)|空间不足|용량.{0,5}(초과|부족)|메일함.{0,10}(가득|꽉)|mail ?box (is |was |has )?(full|over ?(quota|limit)|size limit exceeded|exceeds? (its |the )?(allowed |storage )?(quota|limit|size)|has exceeded)|over ?quota|quota (exceeded|exceed|full|violation)|exceeded (its |their |the |his |her )?(storage|quota|mailbox)|exceeds? (the |its )?(storage|disk|mailbox) (quota|allocation|limit)|storage (quota|allocation|limit) (exceeded|reached)|(is|are) (over|above) (their|the|its|his|her) (quota|storage|limit)|\bdisk quota\b|\bquota\b.{0,40}\b(exceeded|reached|full|over)|(user|recipient|mailbox|account)('s)? (mailbox |account )?(is )?(full|over quota)|insufficient (disk )?space (in|on) (the )?(mailbox|account)|not enough (storage|space) (in|on) (the )?(mailbox|account)|full mailbox|too many (messages|mails) (on|in) (the )?(server|mail ?box|account)|zu ?viele (mails|nachrichten|e-?mails)|postfach (ist )?(voll|[üu]berf[üu]llt)|speicherplatz|bo[iî]te (aux lettres |mail )?(est )?pleine|quota (d[ée]pass[ée]|atteint)|buz[oó]n (est[aá] )?lleno|casella (di posta )?(piena|ha superato)|caixa (de correio )?(cheia|lotada)|brievenbus (is )?vol|skrzynka (jest )?pe[lł]na|przekroczon\w* (limit|quota)|ящик переполнен|превышен|メールボックスがいっぱい|容量/i,
  ],
  [
    'exceedlimit',
    /exceeds? (the )?(recipient'?s?|user'?s?|per-user|mailbox|individual) (size )?limit|(message|mail) (size )?exceeds?.{0,20}(recipient|user)'?s? limit|\b5\.2\.3\b/i,
  ],
  [
    'mesgtoobig',
    /(message|mail|e-?mail|data|content)( size| length)? (is )?(too (big|large|long)|exceeds?|exceeded|larger than)|too (big|large) (message|mail)|size (limit|exceeds|exceeded|too large)|exceeds? (the )?(maximum|max|fixed|allowed|administrative|message) (message )?(size|length)|message length exceeds|maximum (message )?size|message is larger|nachricht (ist )?zu gro[ßs]|message trop (gros|volumineux)|mensaje demasiado grande|messaggio troppo grande|\b5\.3\.4\b/i,
  ],
  [
    'hostunknown',
    /unroutea?ble address|domain( name)?( \(?[\w.-]+\)?)? (does not|doesn't|did not) (appear to )?(be registered|exist)|(domain|domain name) .{0,40}is not registered|unregistered domain|domaine .{0,40}(n'existe pas|inexistant|introuvable|inconnu)|dominio .{0,40}(no existe|inexistente|no encontrado|non esiste|sconosciuto)|dom[íi]nio .{0,40}(n[ãa]o existe|inexistente|desconhecido)|domein .{0,40}(bestaat niet|onbekend|niet gevonden)|domena .{0,40}(nie istnieje|nieznana)|domain .{0,40}(existiert nicht|nicht gefunden|unbekannt)|домен\S* .{0,40}(не существует|не найден)|ドメイン.{0,20}(存在しません|見つかりません)|域名.{0,10}(不存在|无法解析)|도메인.{0,20}(존재하지|찾을 수)|host (or domain name )?(not found|unknown)|unknown host|host ?name (not found|unknown|lookup failed)|(domain|host) (name )?(does not exist|doesn't exist|not exist|is not valid|not valid|unknown|is unknown|not found|could not be found)|no such (domain|host)|domain (not found|unknown)|unknown domain|unrouteable (mail )?domain|unroutable (mail )?domain|name or service not known|nxdomain|non-?existent (domain|host)|no (mx|a|dns) records? (found|for)|domain name not found|bad destination (system|host)|invalid (recipient )?domain|could not resolve (domain|host)|unknown (mail )?(domain|host)|not a valid domain|domaine inconnu|dominio (inesistente|desconocido|no existe)|domain existiert nicht|unbekannte domain|no route for domain|can't find (mx|domain)/i,
  ],
  [
    'userunknown',
    /(user|recipient|mailbox|address|account|addressee|destination|e-?mail|person|alias|name|local[- ]part|rcpt)s?('s)?( address)? (name )?(is )?(unknown|not found|not known|does not exist|doesn't exist|do not exist|not exist|no longer exists?|not valid|invalid|unavailable|not available|not listed|is not a valid|non-?existent|nonexistent|not registered|unrouteable|not recognized|not in (our|the) (directory|database|list))|(unknown|invalid|non-?existent|nonexistent|bad|illegal|unrecognized) (user|recipient|mailbox|address|account|addressee|local[- ]part|e-?mail address|alias|destination mailbox)|no such (user|recipient|mailbox|account|address|person|local user|alias|name|file)|no (mail ?box|mailbox|account|user) (here|by that name|found|available|with that name)|not a (valid|known) (user|recipient|mailbox|address)|is not a (known|valid) (user|recipient|mailbox|address)|(user|recipient|account|address) (lookup )?unknown|user (lookup )?rejected|recip(ient)?notfound|recipient not found|recipient .{1,80} not found|mailbox (not found|unavailable|does not exist|doesn't exist)|user not (found|local)|not our customer|does not have an? (\S+ )?account|doesn't have an? (\S+ )?account|has no (mail ?box|account)|there is no (such )?(user|one|mailbox|account)|addressee unknown|not listed in (the )?(\w+ )?(directory|address book|public names)|invalid (mailbox|recipient)|bad (recipient|destination mailbox)|bad_recipient|badrcptto|unknown (or illegal )?alias|no valid recipients?|\b(not|isn't) (a )?(valid|known|active) (address|user|recipient|mailbox)|address (not|no longer) (valid|available|in use)|recipient (address )?rejected: (user|mailbox|account)|recipient .{0,80} does not exist|\bdoes not exist\b|\bunknown user\b|no longer (with|at|employed|works)|benutzer(name)? (unbekannt|existiert nicht|nicht vorhanden)|empf[äa]nger (unbekannt|existiert nicht|nicht vorhanden|adresse)|unbekannte?r? (empf[äa]nger|benutzer|adresse)|postfach (nicht vorhanden|existiert nicht|unbekannt)|utilisateur (inconnu|introuvable|non trouv[ée])|destinataire (inconnu|introuvable)|adresse (inconnue|introuvable|invalide)|bo[iî]te (aux lettres )?(inexistante|introuvable)|n'existe pas|usuario (desconocido|no existe|inexistente|no encontrado)|destinatario (desconocido|no existe|inesistente|sconosciuto)|(utente|indirizzo) (sconosciuto|inesistente|non esiste)|non esiste|buz[oó]n (no existe|inexistente|no disponible)|no existe|gebruiker (onbekend|bestaat niet)|bestaat niet|onbekende (gebruiker|ontvanger)|utilizador (desconhecido|inexistente)|usu[aá]rio (desconhecido|inexistente)|n[aã]o existe|nie istnieje|nieznany (u[zż]ytkownik|adresat|odbiorca)|(пользователь|адрес|ящик).{0,20}(не существует|не найден|неизвестен)|нет такого|存在しない|宛先不明|見つかりません|not exist|unbekannte?r? (empf[äa]nger|benutzer)|(adresse|empf[äa]nger|benutzer|mailbox) (existiert nicht|ist unbekannt|nicht gefunden|ung[üu]ltig)|kein(e)? (solche[rs]? )?(postfach|benutzer|empf[äa]nger)|adresse (e-?mail |[ée]lectronique )?(inconnue|inexistante|introuvable)|(utilisateur|compte) (non trouv[ée]|inexistant|inconnu)|(cuenta|direcci[oó]n)( de correo)? (no existe|inexistente|no v[aá]lida|desconocida)|casella (di posta )?(inesistente|non esiste)|utente (non trovato|non valido|inesistente)|(conta|endere[cç]o)( de e-?mail)? (n[ãa]o existe|inexistente|inv[aá]lid[oa]|desconhecid[oa])|destinat[aá]rio (desconhecido|inexistente)|(ontvanger|adres|postbus|mailbox) (is )?(onbekend|bestaat niet)|nie ma takiego (u[zż]ytkownika|konta|adresu|odbiorcy)|(konto|adres|u[zż]ytkownik) nie istnieje|(neexistuje|nezn[áa]m[ýy] (u[zž]ivatel|adres[áa]t))|kullan[ıi]c[ıi] bulunamad[ıi]|ok[äa]nd mottagare|(пользовател|адресат|получател)\S* (не существует|не найден|неизвестен)|несуществующ|ユーザー?.{0,10}(存在しません|見つかりません|不明)|(用户|收件人|邮箱|地址|帐号|账号|帳號)\S{0,4}(不存在|无效|無效)|无此用户|查无此人|존재하지 않는 (사용자|계정|메일|주소|아이디)|(사용자|수신자|받는 ?사람)를? 찾을 수 없/i,
  ],
  [
    'spamdetected',
    /spam|pourriel|correo (no deseado|basura)|posta indesiderata|ongewenste (e-?mail|berichten)|niechcian|спам|スパム|迷惑メール|垃圾邮件|스팸|\bjunk\b|\buce\b|\bubm\b|unsolicited|(identified|classified|detected|marked|flagged|scored|considered|regarded|rejected) as (spam|junk|bulk)|spam ?(score|content|filter|detected|like)|looks like spam|appears to be (spam|unsolicited|bulk)|likely (spam|unsolicited)|content filter|message (content )?(was )?(rejected|refused|blocked) (due to|because of|by) (content|spam)|phish|\bspamassassin\b|\bbulk (e-?mail|mail)\b|suspicious (content|message)|\bscam\b/i,
  ],
  [
    'policyviolation',
    /\bpolicy\b|\bpolicies\b|polic(y|ies) (violation|reasons)|prohibited|not (allowed|permitted)|administrative(ly)? prohibit|terms of service|acceptable use|local rules?|rejected by (local|site|server) (policy|rules)|\burl\b.{0,40}\b(block|listed|reject)|\bdomain\b.{0,40}\b(blocked|listed)|restricted|compliance|regulations|too many (invalid|bad) recipients/i,
  ],
  [
    'toomanyconn',
    /too many (connections|concurrent|sessions|simultaneous|recipients)|connection limit|concurrent connections|connections? (from your|per) (ip|host)|\bmaximum (number of )?(connections|recipients)|max(imum)? (concurrent|simultaneous)/i,
  ],
  [
    'speeding',
    /rate[- ]?limit|rate (exceeded|control)|too many (messages|mails|emails|mail)|sending rate|\bthrottl|exceeded (the )?(sending|message|hourly|daily) (limit|quota|rate)|temporarily deferred due to (unexpected )?(volume|user complaints)|\b(ts0[1-3]|4\.7\.28)\b|too (much|fast)|slow down|received too many|sending (too much|too many)|(messages|mail) per (hour|minute|day)/i,
  ],
  [
    'rejected',
    /sender (address |domain )?(rejected|refused|denied|blocked|not allowed|verify failed|verification failed|unknown|invalid)|(reject|refus|den)\w* (the )?sender|envelope (sender|from)|mail from\b.{0,40}(reject|refus|den|invalid)|sender (is )?(not|in) (allowed|authorized|permitted|black)|return[- ]path|from (address|domain) (rejected|not allowed|invalid|blocked)|domain of sender( address)?.{0,40}(does not|doesn't) (resolve|exist)|sender domain (must|does not|doesn't)|your (address|domain) (has been|is) (blocked|rejected|blacklisted)|\bbounce address\b|unverified sender|sender.{0,20}(unverified|verify)/i,
  ],
  [
    'filtered',
    /filter(ed)?\b|(has )?(refused|rejected) (mail|messages|e-?mails?) from|(does not|doesn't) (wish|want) to receive|受信拒否|迷惑メール(フィルタ|設定)|수신 ?거부|拒收|recipient (rejected|refused)|rejected by (the )?recipient|(not|isn't) (accepting|receiving) (mail|messages|e-?mails?) from|does not accept mail from|(refuses|rejects) (messages|mail) from|only accepts? mail from|(user|recipient) (has )?(blocked|refused|rejected)|delivery not authori[sz]ed|not authori[sz]ed to (send|deliver|receive)|(user|recipient) .{0,40}(whitelist|allowlist|contact list)|\brule\b|\b(address|user|recipient) rejected\b/i,
  ],
  [
    'contenterror',
    /attachments?|embedded images|file ?(type|extension|name)|executable|\b(mime|html|content)\b.{0,30}\b(not allowed|not supported|invalid|error|rejected|refused)|\bmedia (type )?not supported|(forbidden|banned|blocked|illegal) (attachment|content|file|extension)|content (rejected|not accepted|refused)|message content/i,
  ],
  [
    'notcompliantrfc',
    /rfc ?(5322|2822|822|5321|2821|1123|2045)|not (rfc|standards?)[- ]compliant|rfc[- ]?(non-?)?complian|malformed (message|header)|(duplicate|missing|invalid|improper|bad) (required )?(header|message-id|date|from)|header (syntax|error|not valid)|bare (lf|linefeed|line feed|cr)/i,
  ],
  [
    'securityerror',
    /\b(starttls|tls|ssl)\b.{0,40}\b(required|must|fail|error|needed|negotiat)|(required|must use|must issue) .{0,20}\b(starttls|tls|encryption)|encryption (required|needed)|authentication (required|needed|is required)|must (authenticate|be authenticated)|\bsmtp auth\b|certificate|\bcredentials\b|\bsecurity\b|\bsecure connection\b/i,
  ],
  [
    'syntaxerror',
    /syntax (error|problem)|command (unrecognized|not recognized|not implemented|out of sequence)|bad sequence of commands|unrecognized command|invalid (command|argument|parameter)|parameter not implemented|line too long|\b5\.5\.[124]\b/i,
  ],
  [
    'expired',
    /retry time(out)? (not reached|exceeded)|message (has )?expired|expired|delivery time expired|too long in (the )?queue|been (in|on) (the )?queue (for )?too long|(queue|delivery) (lifetime|time) (exceeded|expired)|could not be delivered (for|within) \d+ (days|hours)|gave up|giving up|(undeliverable|not (been )?delivered) (for|after) (more than )?\d+ (day|hour|minute)s?|maximum (retry|delivery) time|delivery attempts? (have )?(failed|exhausted)|retry limit|too old|\b4\.4\.7\b|timeout waiting|delivery timeout/i,
  ],
  [
    'networkerror',
    /connection (refused|timed out|reset|closed|lost|dropped)|timed? ?out|time-?out|network (is )?unreachable|no route to host|lost connection|could not connect|couldn'?t connect|unable to connect|failed to connect|can'?t connect|connect(ion)? failed|temporary failure in name resolution|dns (lookup|query|error|failure|problem|server)|name server|malformed (dns|reply)|try again|mail (forwarding )?loop|routing loop|too many hops|hop count|loops back to myself|mx (record )?(points to|lookup)|host not reachable|unreachable|no (answer|response) from|server (not|did not) respond|unable to route/i,
  ],
  [
    'systemfull',
    /(system|server|disk|spool) (storage|space|is full|full)|insufficient (system )?storage|no space left|out of (disk|storage|space)|disk (full|space)/i,
  ],
  [
    'mailererror',
    /mailer error|unknown mailer|command (died|failed)|program (exited|failed|error)|\bx-unix\b|\bprocmail\b|pipe to|\|\s*\/|local delivery failed|delivery program|exit (code|status) \d/i,
  ],
  [
    'systemerror',
    /system (error|failure|problem)|internal (server )?error|server (error|failure|problem|busy)|local (error|problem)|temporary (local )?(problem|failure|error)|i\/o error|service (not available|unavailable|temporarily unavailable)|not accepting (network )?messages|configuration error|misconfigur|resources temporarily|processing error|transaction failed|queue file write error|temporarily unavailable|aborted/i,
  ],
];
