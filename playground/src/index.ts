import type { Core } from '@strapi/strapi';
import { seedDemo } from './demo/seed';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.CAMPAIGNS_DEMO_SEED === 'true') await seedDemo(strapi);
  },
};
