import type { Core } from '@strapi/strapi';

/**
 * What strapi.plugin('campaigns').service(name) returns, for each name. Declared empty here and
 * filled in by the registry (services/index.ts), so that this module imports nothing of the
 * features: their controllers use getService, and the registry is built from the features.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in services/index.ts
export interface Services {}

/** Typed access to this plugin's services (what strapi.plugin('campaigns').service(name) returns). */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('campaigns').service(name) as Services[K];
