import { useState } from 'react';
import { Alert, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ConfigWarning } from '../../../../shared/contracts/settings';
import { PLUGIN_ID } from '../../pluginId';

const MESSAGES: Record<ConfigWarning, { title: { id: string; defaultMessage: string }; body: { id: string; defaultMessage: string } }> = {
  'dkim-missing': {
    title: { id: `${PLUGIN_ID}.settings.warning.dkim.title`, defaultMessage: 'Messages are not DKIM-signed' },
    body: {
      id: `${PLUGIN_ID}.settings.warning.dkim.body`,
      defaultMessage:
        'Gmail and Yahoo require DKIM from bulk senders: set sending.dkim (domainName, keySelector, privateKey) in config/plugins.',
    },
  },
  'postal-address-missing': {
    title: { id: `${PLUGIN_ID}.settings.warning.postalAddress.title`, defaultMessage: 'No postal address' },
    body: {
      id: `${PLUGIN_ID}.settings.warning.postalAddress.body`,
      defaultMessage:
        "CAN-SPAM requires the sender's postal address in every message: set sending.postalAddress in config/plugins and put {tag} in the template.",
    },
  },
};

/** What a bulk sender is expected to configure and this site has not; each can be dismissed for this visit. */
export const ConfigWarnings = ({ warnings }: { warnings: ConfigWarning[] }) => {
  const { formatMessage } = useIntl();
  const [dismissed, setDismissed] = useState<ConfigWarning[]>([]);
  const shown = warnings.filter((warning) => !dismissed.includes(warning));
  if (!shown.length) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {shown.map((warning) => (
        <Alert
          key={warning}
          variant="warning"
          title={formatMessage(MESSAGES[warning].title)}
          closeLabel={formatMessage({ id: `${PLUGIN_ID}.settings.warning.close`, defaultMessage: 'Hide this warning' })}
          onClose={() => setDismissed((list) => [...list, warning])}
        >
          {formatMessage(MESSAGES[warning].body, { tag: '{{ postal_address }}' })}
        </Alert>
      ))}
    </Flex>
  );
};
