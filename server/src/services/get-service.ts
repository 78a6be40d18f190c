import type { Core } from '@strapi/strapi';
import type { Services } from '.';

/** Typed access to this plugin's services (what strapi.plugin('campaigns').service(name) returns). */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('campaigns').service(name) as Services[K];

export type { Services };
