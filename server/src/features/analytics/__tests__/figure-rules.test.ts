import knexFactory from 'knex';
import { REPORT_FIGURES } from '../../../../../shared/contracts/analytics';
import { mailableContacts } from '../../audience/segments/compile';
import { ruleGroupSchema } from '../../audience/segments/rules';
import { figureRules, figureSegmentName } from '../figure-rules';

const knex = knexFactory({ client: 'pg' });
const ctx = {
  tables: {
    contacts: 'campaigns_contacts',
    suppressions: 'campaigns_suppressions',
    suppressionTopics: { table: 'sup_topics', suppressionColumn: 'suppression_id', topicColumn: 'topic_id' },
    deliveries: 'campaigns_deliveries',
    events: 'campaigns_events',
    topicLinks: { table: 'contact_topics', contactColumn: 'contact_id', topicColumn: 'topic_id' },
  },
  dialect: 'postgres' as const,
  topicIds: new Map<string, number>(),
  campaignIds: new Map([['camp1', 41]]),
  now: new Date('2026-12-06T12:00:00Z'),
};

test.each(REPORT_FIGURES)('the rules of "%s" are valid segment rules and compile for the campaign', (figure) => {
  const rules = figureRules('camp1', figure, figure === 'clickedLink' ? 12 : null);
  const parsed = ruleGroupSchema.parse(rules);
  const { bindings } = mailableContacts(knex, parsed, ctx).toSQL().toNative();
  expect(bindings).toContain(41);
});

test("non-openers are the contacts the campaign reached without a person's open", () => {
  expect(figureRules('camp1', 'notOpened', null)).toEqual({
    match: 'all',
    rules: [
      { field: 'engagement', activity: 'received', operator: 'did', campaign: 'camp1' },
      { field: 'engagement', activity: 'opened', operator: 'didNot', campaign: 'camp1' },
    ],
  });
  expect(figureRules('camp1', 'clickedLink', 12).rules).toEqual([
    { field: 'engagement', activity: 'clicked', operator: 'did', campaign: 'camp1', linkId: 12 },
  ]);
  expect(figureRules('camp1', 'bouncedSoft', null).rules).toEqual([
    { field: 'engagement', activity: 'bounced', operator: 'did', campaign: 'camp1', bounce: 'soft' },
  ]);
});

test('a link figure needs its link; names say the campaign, the figure and the link', () => {
  expect(() => figureRules('camp1', 'clickedLink', null)).toThrow(/link/);
  expect(figureSegmentName('Winter sale', 'notOpened', null)).toBe('Winter sale: did not open');
  expect(figureSegmentName('Winter sale', 'clickedLink', 'https://example.com/a')).toBe('Winter sale: clicked link https://example.com/a');
});
