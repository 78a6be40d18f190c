import type { Core } from '@strapi/strapi';
import type { Root } from './root';

/**
 * The root lives on the Strapi instance it was built for, under a registered symbol: one root per
 * app (tests boot several in one process), and a test that loads the plugin's built bundle reaches
 * the same root as the app without importing the bundle's module.
 */
const ROOT = Symbol.for('strapi-plugin-campaigns.root');

type WithRoot = Core.Strapi & { [ROOT]?: Root };

export const setRoot = (strapi: Core.Strapi, root: Root) => {
  (strapi as WithRoot)[ROOT] = root;
};

/** The root, or undefined when register never made one (a boot that failed before it). */
export const findRoot = (strapi: Core.Strapi): Root | undefined => (strapi as WithRoot)[ROOT];

/** The root register made: every service reads the long-lived objects through this, once, when it is made. */
export const rootOf = (strapi: Core.Strapi): Root => {
  const root = findRoot(strapi);
  if (!root) throw new Error('campaigns: the plugin was not registered (no composition root on this Strapi instance)');
  return root;
};
