export const PLUGIN_ID = 'campaigns';

export const UID = {
  campaign: 'plugin::campaigns.campaign',
  contact: 'plugin::campaigns.contact',
  experiment: 'plugin::campaigns.experiment',
  segment: 'plugin::campaigns.segment',
  suppression: 'plugin::campaigns.suppression',
  topic: 'plugin::campaigns.topic',
} as const;

export { CAMPAIGN_STATES, type CampaignState } from '../../shared/contracts/campaign-lifecycle';

export { CONTACT_STATES, type ContactState } from '../../shared/contracts/contacts';

export const SUPPRESSION_REASONS = ['hard-bounce', 'soft-bounce-limit', 'complaint', 'unsubscribe', 'manual', 'import'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** `cancelled`: the campaign was cancelled before this delivery was tried. */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'suppressed', 'unknown', 'cancelled'] as const;
/** A delivery in one of these states is finished and never sent again. */
export const FINAL_DELIVERY_STATES = ['sent', 'failed', 'suppressed', 'unknown', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const WORKER_MODES = ['in-process', 'dedicated', 'off'] as const;
export type WorkerMode = (typeof WORKER_MODES)[number];

/**
 * Permission actions. The uid is given without the plugin prefix: the action provider turns
 * `read` + pluginName `campaigns` into `plugin::campaigns.read`.
 */
export const ACTIONS = {
  read: 'plugin::campaigns.read',
  write: 'plugin::campaigns.write',
  delete: 'plugin::campaigns.delete',
  send: 'plugin::campaigns.send',
  manageSuppressions: 'plugin::campaigns.suppressions.manage',
  manageSettings: 'plugin::campaigns.settings.manage',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: 'read', subCategory: 'campaigns', displayName: 'Read campaigns, audience and results' },
  { uid: 'write', subCategory: 'campaigns', displayName: 'Create and edit campaigns, contacts and segments' },
  { uid: 'delete', subCategory: 'campaigns', displayName: 'Delete campaigns, contacts and segments' },
  { uid: 'send', subCategory: 'campaigns', displayName: 'Send, schedule, pause and cancel campaigns' },
  { uid: 'suppressions.manage', subCategory: 'suppressions', displayName: 'Manage suppressions' },
  { uid: 'settings.manage', subCategory: 'settings', displayName: 'Manage settings' },
] as const;

export const QUEUES = {
  maintenance: 'campaigns-maintenance',
  schedule: 'campaigns-schedule',
  dispatch: 'campaigns-dispatch',
  send: 'campaigns-send',
  events: 'campaigns-events',
  import: 'campaigns-import',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const TABLES = {
  migrations: 'campaigns_migrations',
  migrationLock: 'campaigns_migrations_lock',
  deliveries: 'campaigns_deliveries',
  events: 'campaigns_events',
  links: 'campaigns_links',
  replies: 'campaigns_replies',
  rollups: 'campaigns_rollups',
  rollupHours: 'campaigns_rollup_hours',
  imports: 'campaigns_imports',
  importUpdates: 'campaigns_import_updates',
  sends: 'campaigns_sends',
} as const;

export const IMPORT_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** Set by the dedicated worker entry so the plugin knows it is the worker process. */
export const WORKER_PROCESS_ENV = 'CAMPAIGNS_WORKER_PROCESS';

/** Set by one-off commands (the backfill): such a process never runs queue workers, whatever the mode. */
export const COMMAND_PROCESS_ENV = 'CAMPAIGNS_COMMAND_PROCESS';
