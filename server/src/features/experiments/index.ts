import { ACTIONS } from '../../constants';
import { DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import experimentsController from './controller';
import { experimentDecisionsTable } from './migrations/015-experiment-decisions';
import { experimentWait } from './migrations/017-experiment-wait';
import { banditWaves } from './migrations/018-bandit-waves';
import experiments from './service';
import experimentViewsController from './views-controller';
import experimentViews from './views-service';

const experiment = `/campaigns/${DOCUMENT_ID}/experiment`;

/**
 * A/B tests of campaigns (issue 19): the experiment's set-up and its admin API, and the decisions
 * log, and every minute the wait, the rule's decision and the winner's send (decision-runner.ts).
 * Setting one up is editing the campaign (`write`); picking a winner or cancelling a test acts
 * on the campaign's send, as its cancel does (`send`).
 */
export default defineFeature({
  services: { experiments, experimentViews },
  controllers: { experiments: experimentsController, experimentViews: experimentViewsController },
  adminRoutes: [
    { method: 'GET', path: experiment, handler: 'experiments.findOne', config: guard(ACTIONS.read) },
    { method: 'PUT', path: experiment, handler: 'experiments.put', config: guard(ACTIONS.write) },
    { method: 'DELETE', path: experiment, handler: 'experiments.delete', config: guard(ACTIONS.write) },
    { method: 'POST', path: `${experiment}/pickWinner`, handler: 'experiments.pickWinner', config: guard(ACTIONS.send) },
    { method: 'POST', path: `${experiment}/cancel`, handler: 'experiments.cancel', config: guard(ACTIONS.send) },
    // Reading the variants' messages and the test's figures, as the campaign's preview and report are.
    { method: 'POST', path: `${experiment}/preview`, handler: 'experimentViews.preview', config: guard(ACTIONS.read) },
    { method: 'GET', path: `${experiment}/series`, handler: 'experimentViews.series', config: guard(ACTIONS.read) },
  ],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [
    // Bandits' waves, the waits, the rule's decisions and the winners' sends, all from the database: nothing to lose with a worker or Redis.
    {
      name: 'decideExperiments',
      scheduler: 'decide-experiments',
      everyMs: 60_000,
      run: ({ decisions }): Promise<unknown> => decisions.run(),
    },
  ],
  migrations: [experimentDecisionsTable, experimentWait, banditWaves],
  actions: [],
});
