import { createExperimentLifecycle } from '../../server/src/features/experiments/lifecycle';
import type { GroupBrowser } from './admin-browser-group';
import { HELLO_MJML } from './experiments';

/**
 * What the end-to-end modules of the editor's A/B test panel share: a campaign to test, its editor
 * opened, the panel's groups, and the experiment the panel saved, read from the database.
 */
export const experimentPanel = ({ app, page, baseUrl }: Pick<GroupBrowser, 'app' | 'page' | 'baseUrl'>) => {
  const service = (name: string) => app().strapi.plugin('campaigns').service(name);
  const storedExperiment = (campaignDocumentId: string) =>
    app()
      .strapi.db.query('plugin::campaigns.experiment')
      .findOne({
        where: { campaign: { documentId: campaignDocumentId } },
        select: ['id', 'state', 'variants', 'testShare', 'waitMinutes', 'winner', 'design', 'factors', 'waves', 'waveMinutes'],
      });
  return {
    service,
    /** A draft campaign whose message is HELLO_MJML: answers its documentId. */
    createCampaign: async (name: string): Promise<string> =>
      (await service('campaigns').create({ name, subject: 'Spring news', fromName: 'The shop', content: HELLO_MJML })).documentId,
    /** The campaign's editor, once its heading (the campaign's name) shows. */
    open: async (documentId: string, name: string) => {
      await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
      await page().getByRole('heading', { name, level: 1 }).waitFor();
    },
    /** A group of the panel by its whole name: a variant ("Variant B"), a factor, a level, the waves. */
    group: (name: string) => page().getByRole('group', { name, exact: true }),
    /** The campaign's experiment as stored, with what every design sets up (null without one). */
    storedExperiment,
    /**
     * The campaign's test started and the campaign marked sent, with nothing sent: the panel shows
     * the results a test records and offers an editor's moves. Answers the experiment's id.
     */
    startWithoutSending: async (documentId: string): Promise<number> => {
      const { id } = (await storedExperiment(documentId))!;
      expect(await createExperimentLifecycle(app().strapi).take(id, 'start')).toBe(true);
      await app()
        .strapi.db.query('plugin::campaigns.campaign')
        .update({ where: { documentId }, data: { state: 'sent' } });
      return id;
    },
  };
};
