import type { ReportFigure } from '../../../../shared/contracts/analytics';
import type { RuleGroup } from '../audience/segments/rules';

type Activity = 'received' | 'opened' | 'clicked' | 'bounced';

/**
 * The segment rules that select the contacts behind a report's figure, with the campaign's
 * documentId: what a resend to non-openers starts from. "Did not open" and "did not click" are the
 * contacts the campaign reached whose delivery has no person's open or click (the deliveries'
 * first times, which a machine's never set); a link's clickers and a bounce's kind come from the
 * deliveries' events, as the report counts them.
 */
export const figureRules = (campaign: string, figure: ReportFigure, linkId: number | null): RuleGroup => {
  const engagement = (activity: Activity, operator: 'did' | 'didNot', more: { linkId?: number; bounce?: 'hard' | 'soft' } = {}) => ({
    field: 'engagement' as const,
    activity,
    operator,
    campaign,
    ...more,
  });
  const all = (...rules: RuleGroup['rules']): RuleGroup => ({ match: 'all', rules });
  switch (figure) {
    case 'opened':
      return all(engagement('opened', 'did'));
    case 'notOpened':
      return all(engagement('received', 'did'), engagement('opened', 'didNot'));
    case 'clicked':
      return all(engagement('clicked', 'did'));
    case 'notClicked':
      return all(engagement('received', 'did'), engagement('clicked', 'didNot'));
    case 'clickedLink':
      if (linkId === null) throw new Error('a link is needed for its clickers');
      return all(engagement('clicked', 'did', { linkId }));
    case 'bouncedHard':
      return all(engagement('bounced', 'did', { bounce: 'hard' }));
    case 'bouncedSoft':
      return all(engagement('bounced', 'did', { bounce: 'soft' }));
  }
};

const FIGURE_NAMES: Record<ReportFigure, string> = {
  opened: 'opened',
  notOpened: 'did not open',
  clicked: 'clicked',
  notClicked: 'did not click',
  clickedLink: 'clicked link',
  bouncedHard: 'bounced hard',
  bouncedSoft: 'bounced soft',
};

/** A segment name for a figure's contacts (English: the admin names it in the editor's language). */
export const figureSegmentName = (campaignName: string, figure: ReportFigure, link: string | null) =>
  `${campaignName}: ${FIGURE_NAMES[figure]}${link ? ` ${link}` : ''}`;
