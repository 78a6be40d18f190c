import { FEATURES, fromEveryFeature, type FeatureQueueKey, type PluginFeature } from '../features';
import type { QueueDeclaration } from '../features/feature';
import { mergeByName, type Merged } from '../features/merge';
import { createQueuesService } from '../queue/service';

const queues = createQueuesService(
  FEATURES.flatMap<QueueDeclaration<FeatureQueueKey>>((feature) => feature.queues),
  fromEveryFeature('maintenanceJobs')
);

type ServiceFactories = { queues: typeof queues } & Merged<PluginFeature['services']>;

/** Every service of the plugin by name, as Strapi registers them: the queues and each feature's. */
const services = mergeByName<ServiceFactories>('service', [{ queues }, ...FEATURES.map((feature) => feature.services)]);

/** What strapi.plugin('campaigns').service(name) returns, for each name. */
export type Services = { [K in keyof ServiceFactories]: ReturnType<ServiceFactories[K]> };

export default services;
