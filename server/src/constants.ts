export const PLUGIN_ID = 'campaigns';

export const UID = {
  campaign: 'plugin::campaigns.campaign',
  contact: 'plugin::campaigns.contact',
  experiment: 'plugin::campaigns.experiment',
  segment: 'plugin::campaigns.segment',
  suppression: 'plugin::campaigns.suppression',
  template: 'plugin::campaigns.template',
  topic: 'plugin::campaigns.topic',
} as const;

export { CAMPAIGN_STATES, type CampaignState } from '../../shared/contracts/campaign-lifecycle';

export { CONTACT_STATES, type ContactState } from '../../shared/contracts/contacts';

export const WORKER_MODES = ['in-process', 'dedicated', 'off'] as const;
export type WorkerMode = (typeof WORKER_MODES)[number];

/**
 * Permission actions, as routes name them. Each feature registers its own (its `actions`, uid
 * without the plugin prefix: the action provider turns `read` + pluginName `campaigns` into
 * `plugin::campaigns.read`); several features guard their routes with the same ones.
 */
export const ACTIONS = {
  read: 'plugin::campaigns.read',
  write: 'plugin::campaigns.write',
  delete: 'plugin::campaigns.delete',
  send: 'plugin::campaigns.send',
  manageSuppressions: 'plugin::campaigns.suppressions.manage',
  handleReplies: 'plugin::campaigns.replies.handle',
  manageSettings: 'plugin::campaigns.settings.manage',
} as const;

export const TABLES = {
  migrations: 'campaigns_migrations',
  migrationLock: 'campaigns_migrations_lock',
  deliveries: 'campaigns_deliveries',
  events: 'campaigns_events',
  links: 'campaigns_links',
  replies: 'campaigns_replies',
  rollups: 'campaigns_rollups',
  rollupHours: 'campaigns_rollup_hours',
  domainRollups: 'campaigns_domain_rollups',
  imports: 'campaigns_imports',
  importUpdates: 'campaigns_import_updates',
  sends: 'campaigns_sends',
  inboundNotices: 'campaigns_inbound_notices',
  inboundRaw: 'campaigns_inbound_raw',
  mailboxCheckpoints: 'campaigns_mailbox_checkpoints',
  erasures: 'campaigns_erasures',
  suppressionRemovals: 'campaigns_suppression_removals',
  experimentDecisions: 'campaigns_experiment_decisions',
  experimentWaves: 'campaigns_experiment_waves',
} as const;

/** Set by the dedicated worker entry so the plugin knows it is the worker process. */
export const WORKER_PROCESS_ENV = 'CAMPAIGNS_WORKER_PROCESS';

/** Set by one-off commands (the backfill): such a process never runs queue workers, whatever the mode. */
export const COMMAND_PROCESS_ENV = 'CAMPAIGNS_COMMAND_PROCESS';
