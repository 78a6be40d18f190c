import type { PluginConfig } from '../../config/schema';
import { sendingIdentity } from '../../mail/identity';
import { trackingUrls } from '../tracking/urls';
import type { ComposeContext } from './compose';

/**
 * What every message of this process is composed with: the signing secret, the sender identity,
 * the tracking URLs. Made on first use, so a site without signingSecret or publicUrl boots and
 * fails only where a message would have to be made.
 */
export const composeContextOf = (config: PluginConfig) => {
  let ctx: ComposeContext | undefined;
  return (): ComposeContext => {
    if (ctx) return ctx;
    if (!config.signingSecret || !config.publicUrl) {
      throw new Error('campaigns: sending needs the signingSecret and publicUrl options (links in mail are signed and point there)');
    }
    ctx = { secret: config.signingSecret, identity: sendingIdentity(config), urls: trackingUrls(config.publicUrl, config.signingSecret) };
    return ctx;
  };
};
