import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

type Values = Record<string, string | number>;

/** formatMessage for this plugin's ids (translations/en.json, registered with the plugin's prefix), English as the fallback. */
export const usePluginMessages = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Values) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
};
