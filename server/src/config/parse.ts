import { z } from 'zod';
import { configSchema, type PluginConfig } from './schema';

/** `campaigns.audienceSources[0].uid`: an option's path as the user wrote it. */
export const describePath = (path: ReadonlyArray<PropertyKey>) =>
  ['campaigns', ...path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].join('.').replace(/\.\[/g, '[');

/** Turns zod issues into one sentence per bad option, naming the option as the user wrote it. */
const explain = (error: z.ZodError) =>
  error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((k) => `${describePath([...issue.path, k])}: unknown option`).join('; ');
      }
      // A bad record key (e.g. in audienceSources[].fields) carries the key's own complaint inside.
      const message = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join(', ') : issue.message;
      return `${describePath(issue.path)}: ${message}`;
    })
    .join('; ');

export class PluginConfigError extends Error {
  constructor(message: string) {
    super(`Invalid strapi-plugin-campaigns configuration (config/plugins): ${message}`);
    this.name = 'PluginConfigError';
  }
}

export const parseConfig = (input: unknown): PluginConfig => {
  const result = configSchema.safeParse(input ?? {});
  if (!result.success) throw new PluginConfigError(explain(result.error));
  return result.data;
};

/**
 * In production a signing secret and a public URL are required: links in mail would otherwise be
 * forgeable or dead. The URL must be https: RFC 8058 one-click unsubscribe (which Gmail and Yahoo
 * require of bulk senders) is only honoured on an https URL.
 */
export const assertProductionReady = (config: PluginConfig, environment: string | undefined) => {
  if (environment !== 'production') return;
  const missing = [
    !config.signingSecret && 'campaigns.signingSecret (a random string of at least 32 characters)',
    !config.publicUrl && 'campaigns.publicUrl (the https URL where this Strapi is reached from the internet)',
  ].filter(Boolean);
  if (missing.length) throw new PluginConfigError(`required in production: ${missing.join('; ')}`);
  if (config.publicUrl?.startsWith('http://') && !config.allowInsecurePublicUrl) {
    throw new PluginConfigError(
      `campaigns.publicUrl: "${config.publicUrl}" is http, production needs https (one-click unsubscribe and tracking links must be https); ` +
        'set campaigns.allowInsecurePublicUrl: true only if mail must point there anyway'
    );
  }
};
