import { integrationGroup } from '../helpers/integration-group';
import { sendingEnv } from '../helpers/sending';

// The send pipeline through the delivery store (claims, settles, retries): all three databases.
integrationGroup(
  'sending',
  {
    smtpSink: true,
    env: (sink) =>
      sendingEnv(sink!.port, {
        // send-failures: a 4xx is tried three times, 0.2 s then 0.4 s apart.
        CAMPAIGNS_MAX_ATTEMPTS: '3',
        CAMPAIGNS_RETRY_DELAY_SECONDS: '0.2',
        // send-control: outlook.com is limited per domain: its campaigns take seconds, long enough to pause.
        CAMPAIGNS_OUTLOOK_RATE: '10',
        CAMPAIGNS_BATCH_SIZE: '5',
      }),
  },
  [
    'sending/send-pipeline',
    'sending/send-render-failure',
    'sending/presend-check',
    'sending/entries-block',
    'sending/send-failures',
    'sending/send-control',
    'sending/erasure-while-sending',
    'sending/topic-suppressions',
    'sending/scheduling',
    'sending/scheduled-plans',
    'sending/ab-test',
  ]
);
