import type { ConfigWarning } from '../../../shared/contracts/settings';
import type { PluginConfig } from './schema';

/** What each missing option costs; the boot log says it in full, the Settings page in its own words. */
const CONSEQUENCES: Record<ConfigWarning, string> = {
  'dkim-missing':
    'campaigns.sending.dkim is not set: messages go out unsigned, and Gmail and Yahoo require DKIM from bulk senders (expect the spam folder or refusals)',
  'postal-address-missing':
    "campaigns.sending.postalAddress is not set: CAN-SPAM requires the sender's postal address in every commercial message ({{ postal_address }} in the template)",
};

/** Options a site can send without, but that mailbox providers or the law expect of a bulk sender. */
export const configWarnings = (config: Pick<PluginConfig, 'sending'>): ConfigWarning[] => [
  ...(config.sending.dkim ? [] : (['dkim-missing'] as const)),
  ...(config.sending.postalAddress ? [] : (['postal-address-missing'] as const)),
];

/** Logs each warning once per process, in production only: a development site rarely has a DKIM key. */
export const warnAtBoot = (
  config: Pick<PluginConfig, 'sending'>,
  environment: string | undefined,
  log: { warn: (message: string) => void }
) => {
  if (environment !== 'production') return;
  for (const warning of configWarnings(config)) log.warn(`campaigns: ${CONSEQUENCES[warning]}`);
};
