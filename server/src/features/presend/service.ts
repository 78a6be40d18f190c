import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PresendReport } from '../../../../shared/contracts/presend';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { CAMPAIGN_FIELDS } from '../sending/campaign-source';
import { recipientUrls } from '../sending/compose';
import type { CampaignRow } from '../sending/prepared-campaign';
import { SAMPLE_CONTACT } from '../sending/readiness';
import { checkLink, type LinkVerdict } from './link-check';
import { errorsFirst, linkFindings, messageFindings, webLinksOf } from './rules';

/** A message with more links than this is checked on its first ones: a check answers within a minute. */
const MAX_LINKS = 50;
/** Links fetched at once: a few sites at a time, never a burst at one. */
const CONCURRENT = 4;

const checkAll = async (links: readonly string[]) => {
  const verdicts: LinkVerdict[] = new Array(links.length);
  let next = 0;
  const worker = async () => {
    while (next < links.length) {
      const index = next++;
      verdicts[index] = await checkLink(links[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT, links.length) }, worker));
  return verdicts;
};

/**
 * The pre-send check: the campaign as saved, rendered for the sample contact the way a preview
 * is, read by the rules (rules.ts) and its links fetched through the address guard (link-check.ts).
 */
const createPresendService = ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  return {
    async check(documentId: string): Promise<PresendReport> {
      const row = (await strapi.db
        .query(UID.campaign)
        .findOne({ where: { documentId }, select: [...CAMPAIGN_FIELDS] })) as CampaignRow | null;
      if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
      const { prepareUntracked, renderPreview } = root.readiness;
      const prepared = await prepareUntracked(row);
      const rendered = renderPreview(prepared, SAMPLE_CONTACT);
      const ctx = root.composeContext();
      const urls = recipientUrls(ctx, prepared, 0);
      const ownUrls = [urls.unsubscribe, urls.preferences, urls.viewInBrowser];
      const findings = messageFindings({
        subject: rendered.subject,
        preheader: row.preheader,
        html: rendered.html,
        text: rendered.text,
        sources: [
          { part: 'subject', source: row.subject },
          { part: 'preheader', source: row.preheader },
          { part: 'content', source: row.content },
          { part: 'plainText', source: row.plainText },
        ],
        optOutUrls: [urls.unsubscribe, urls.preferences],
        ownUrls,
        postalAddress: ctx.identity.postalAddress,
      });
      const links = webLinksOf(rendered.html, ownUrls).slice(0, MAX_LINKS);
      findings.push(...linkFindings(await checkAll(links)));
      const ordered = errorsFirst(findings);
      return {
        documentId,
        checkedAt: new Date().toISOString(),
        blocking: ordered.some((finding) => finding.severity === 'error'),
        findings: ordered,
        linksChecked: links.length,
      };
    },
  };
};

export default createPresendService;
