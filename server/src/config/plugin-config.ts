import type { Core } from '@strapi/strapi';
import { parseConfig } from './parse';
import type { PluginConfig } from './schema';

/** The plugin's options with defaults applied (Strapi stores them as the user wrote them). */
export const getPluginConfig = (strapi: Core.Strapi): PluginConfig => parseConfig(strapi.config.get('plugin::campaigns'));
