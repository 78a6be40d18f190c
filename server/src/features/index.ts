import analytics from './analytics';
import audience from './audience';
import type { Feature } from './feature';
import campaigns from './campaigns';
import contentBlocks from './content-blocks';
import experiments from './experiments';
import imports from './imports';
import inbound from './inbound';
import preferences from './preferences';
import presend from './presend';
import replies from './replies';
import scheduling from './scheduling';
import sending from './sending';
import settings from './settings';
import templates from './templates';
import tracking from './tracking';

/**
 * Every feature of the plugin. The order is the order of their permission actions in the admin's
 * role editor and of their queues on the settings page; nothing else depends on it.
 */
export const FEATURES = [
  campaigns,
  scheduling,
  sending,
  presend,
  contentBlocks,
  templates,
  imports,
  audience,
  tracking,
  preferences,
  inbound,
  replies,
  experiments,
  analytics,
  settings,
] as const;

export type PluginFeature = (typeof FEATURES)[number];

/** The key of every queue a feature declares. */
export type FeatureQueueKey = PluginFeature['queues'][number]['key'];

type ListedPart = 'adminRoutes' | 'contentApiRoutes' | 'queues' | 'maintenanceJobs' | 'migrations' | 'actions';

/** One part (routes, migrations, actions...) of every feature, in the features' order. */
export const fromEveryFeature = <P extends ListedPart>(part: P): Array<Feature[P][number]> =>
  (FEATURES as readonly Feature[]).flatMap((feature): ReadonlyArray<Feature[P][number]> => feature[part]);
