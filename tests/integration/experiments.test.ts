import { integrationGroup } from '../helpers/integration-group';
import { sendingEnv } from '../helpers/sending';

// A/B tests: the experiment's set-up, its admin API and its decisions log on the plugin's own table,
// and the wait, the rule's decision and the winner's send through the real SMTP sink and tracking: all three databases.
integrationGroup('experiments', { smtpSink: true, env: (sink) => sendingEnv(sink!.port) }, [
  'experiments/experiment-setup',
  'experiments/experiment-transitions',
  'experiments/ab-decision',
  'experiments/bandit',
  'experiments/factorial',
  'experiments/variant-views',
]);
