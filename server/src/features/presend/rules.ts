import type { PresendFinding } from '../../../../shared/contracts/presend';
import type { LinkVerdict } from './link-check';

/** A campaign's message as the check reads it: rendered for the sample contact, and its templates as written. */
export interface CheckedMessage {
  subject: string;
  preheader: string | null;
  html: string;
  text: string;
  sources: ReadonlyArray<{ part: 'subject' | 'preheader' | 'content' | 'plainText'; source: string | null }>;
  /** The rendered unsubscribe and preferences addresses: a link to either is the opt-out the law asks for. */
  optOutUrls: readonly string[];
  /** Every link of the plugin's own (the opt-outs, the web view): the site's address, not the editor's to fix. */
  ownUrls: readonly string[];
  /** The site's sending.postalAddress, or null. */
  postalAddress: string | null;
}

/** Gmail shows "[Message clipped]" past this many bytes of HTML, hiding the footer and its unsubscribe link. */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Inboxes cut the subject at about 60 to 80 characters. */
export const SUBJECT_MAX = 80;
/** A message with less text than this per image looks like an image-only mail to spam filters. */
export const TEXT_PER_IMAGE = 200;

/** Words and phrases spam filters weigh in a subject (SpamAssassin's and the large providers' usual lists). */
const SPAM_PHRASES = [
  '100% free',
  'act now',
  'apply now',
  'buy now',
  'cash bonus',
  'click here',
  'double your',
  'earn money',
  'free gift',
  'free money',
  'guaranteed',
  'no obligation',
  'risk-free',
  'urgent',
  'winner',
  'you have been selected',
  '$$$',
];

const decode = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decode(match[1] ?? match[2] ?? match[3] ?? '') : null;
};
const squash = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** The message's links (`<a href>`), as written, each once. */
export const linksOf = (html: string) => [
  ...new Set([...html.matchAll(/<a\b[^>]*>/gi)].map((m) => attribute(m[0], 'href')).filter((href): href is string => !!href?.trim())),
];

/** The images a reader sees: a 1×1 pixel (the open pixel, spacers) is not one. */
const imagesOf = (html: string) =>
  [...html.matchAll(/<img\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !(attribute(tag, 'width') === '1' && attribute(tag, 'height') === '1'));

const subjectFindings = (subject: string): PresendFinding[] => {
  const found: PresendFinding[] = [];
  const at = (rule: PresendFinding['rule'], severity: PresendFinding['severity'], message: string, where: string | null = null) =>
    found.push({ rule, severity, message, part: 'subject', at: where });
  if (!subject.trim()) {
    at('subject-empty', 'error', 'The subject is empty: most inboxes show "(no subject)" and many filters mark it as spam');
    return found;
  }
  if (subject.length > SUBJECT_MAX)
    at(
      'subject-long',
      'warning',
      `The subject has ${subject.length} characters: inboxes cut it at about ${SUBJECT_MAX}, put what matters first`
    );
  const letters = subject.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 8 && upper.length / letters.length > 0.7)
    at('subject-caps', 'warning', 'The subject is mostly capital letters, which spam filters score and readers read as shouting');
  const lower = subject.toLowerCase();
  for (const phrase of SPAM_PHRASES.filter((p) => lower.includes(p)))
    at('subject-spam-phrase', 'warning', `The subject contains "${phrase}", a phrase spam filters weigh against a message`, phrase);
  return found;
};

/** `{{ contact.firstName }}` with no `default` filter: a contact without the field gets nothing there. */
const mergeTagFindings = (sources: CheckedMessage['sources']): PresendFinding[] =>
  sources.flatMap(({ part, source }) =>
    [
      ...new Set(
        [...(source ?? '').matchAll(/\{\{-?\s*contact\.([\w.]+)([^}]*)-?\}\}/g)]
          .filter((m) => m[1] !== 'email' && !/\|\s*default\b/.test(m[2]))
          .map((m) => m[0])
      ),
    ].map((tag): PresendFinding => ({
      rule: 'merge-tag-fallback',
      severity: 'warning',
      message: `${tag} has no fallback: contacts without this field get an empty text there (add | default: "...")`,
      part,
      at: tag,
    }))
  );

/**
 * What can be told from the message itself, without fetching anything: the subject, the
 * preheader, the size Gmail clips at, the opt-out and postal address the law asks for, images
 * without alternative text or with too little text around them, merge tags without a fallback,
 * links that are not web addresses or not encrypted.
 */
export const messageFindings = (message: CheckedMessage): PresendFinding[] => {
  const found: PresendFinding[] = [...subjectFindings(message.subject)];
  const content = (rule: PresendFinding['rule'], severity: PresendFinding['severity'], text: string, at: string | null = null) =>
    found.push({ rule, severity, message: text, part: rule === 'preheader-missing' ? 'preheader' : 'content', at });
  if (!message.preheader?.trim())
    content('preheader-missing', 'warning', 'There is no preheader: inboxes show the first words of the body after the subject instead');
  const bytes = Buffer.byteLength(message.html, 'utf8');
  if (bytes > GMAIL_CLIP_BYTES)
    content(
      'html-clipped',
      'error',
      `The message's HTML is ${Math.ceil(bytes / 1024)} KB: Gmail clips it past 102 KB, hiding the end of the message and its unsubscribe link`
    );
  const links = linksOf(message.html);
  if (!links.some((href) => message.optOutUrls.includes(href)))
    content(
      'unsubscribe-missing',
      'error',
      'The body has no unsubscribe link: the law (CAN-SPAM, GDPR) asks for one; add {{ unsubscribe_url }}'
    );
  if (!message.postalAddress)
    content(
      'postal-address-missing',
      'error',
      "The site has no postal address (the plugin option sending.postalAddress): CAN-SPAM asks for the sender's in every message"
    );
  else if (!squash(message.text).includes(squash(message.postalAddress)))
    content(
      'postal-address-missing',
      'error',
      "The body does not show the sender's postal address: add {{ postal_address }} to the footer"
    );
  const images = imagesOf(message.html);
  for (const tag of images.filter((tag) => !attribute(tag, 'alt')?.trim()))
    content(
      'image-alt-missing',
      'warning',
      'An image has no alternative text: readers who block images, and screen readers, get nothing',
      attribute(tag, 'src')
    );
  const text = message.text
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (images.length && text.length < images.length * TEXT_PER_IMAGE)
    content(
      'image-text-ratio',
      'warning',
      `${images.length} image${images.length > 1 ? 's' : ''} and ${text.length} characters of text: spam filters distrust mostly-image messages (aim for ${TEXT_PER_IMAGE} characters per image)`
    );
  for (const href of links.filter((link) => !message.ownUrls.includes(link))) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1].toLowerCase();
    if (scheme === 'http')
      content('link-insecure', 'warning', 'This link is not encrypted (http): browsers warn about it, use https', href);
    else if (scheme && !['https', 'mailto', 'tel', 'sms'].includes(scheme))
      content('link-unsafe', 'error', `This link is not a web address (${scheme}:): mail clients block it`, href);
  }
  found.push(...mergeTagFindings(message.sources));
  return found;
};

/** What fetching each link found: a broken or unsafe one is an error, one that could not be checked a warning. */
export const linkFindings = (verdicts: readonly LinkVerdict[]): PresendFinding[] =>
  verdicts.flatMap((verdict): PresendFinding[] => {
    const finding = (rule: PresendFinding['rule'], severity: PresendFinding['severity'], message: string): PresendFinding[] => [
      { rule, severity, message, part: 'links', at: verdict.url },
    ];
    if (verdict.outcome === 'broken') return finding('link-broken', 'error', `This link is broken: ${verdict.detail}`);
    if (verdict.outcome === 'unsafe')
      return finding('link-unsafe', 'error', `This link leads somewhere a reader's browser should not go: ${verdict.detail}`);
    if (verdict.outcome === 'unchecked') return finding('link-unchecked', 'warning', `This link could not be checked: ${verdict.detail}`);
    return [];
  });

/** Errors before warnings, each in the order found. */
export const errorsFirst = (findings: readonly PresendFinding[]) => [
  ...findings.filter((finding) => finding.severity === 'error'),
  ...findings.filter((finding) => finding.severity !== 'error'),
];

/** The links to fetch: web addresses of the message that are not the plugin's own (opt-out, preferences, web view). */
export const webLinksOf = (html: string, own: readonly string[]) =>
  linksOf(html).filter((href) => /^https?:\/\//i.test(href) && !own.includes(href));
