import type { Core } from '@strapi/strapi';

export const seedDemo = async (_strapi: Core.Strapi) => {};
