import { FEATURES, type FeatureQueueKey, type PluginFeature } from '../features';
import { mergeByName, type Merged } from '../features/merge';
import { createQueuesService } from '../queue/service';

const queues = createQueuesService<FeatureQueueKey>();

type ServiceFactories = { queues: typeof queues } & Merged<PluginFeature['services']>;

/** Every service of the plugin by name, as Strapi registers them: the queues and each feature's. */
const services = mergeByName<ServiceFactories>('service', [{ queues }, ...FEATURES.map((feature) => feature.services)]);

type RegisteredServices = { [K in keyof ServiceFactories]: ReturnType<ServiceFactories[K]> };

declare module './get-service' {
  /** What strapi.plugin('campaigns').service(name) returns, for each name: derived from the registry above. */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: the members are the registry's
  interface Services extends RegisteredServices {}
}

export default services;
