import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

type Values = Record<string, string | number>;

/** A message named outside a component (a pure module's verdict), formatted where it is shown. */
export interface PluginMessage {
  id: string;
  defaultMessage: string;
  values?: Values;
}

export const pluginMessage = (id: string, defaultMessage: string, values?: Values): PluginMessage => ({ id, defaultMessage, values });

interface Translate {
  (id: string, defaultMessage: string, values?: Values): string;
  (message: PluginMessage): string;
}

/** formatMessage for this plugin's ids (translations/en.json, registered with the plugin's prefix), English as the fallback. */
export const usePluginMessages = (): Translate => {
  const { formatMessage } = useIntl();
  return ((idOrMessage: string | PluginMessage, defaultMessage?: string, values?: Values) => {
    const message =
      typeof idOrMessage === 'string' ? { id: idOrMessage, defaultMessage: defaultMessage ?? idOrMessage, values } : idOrMessage;
    return formatMessage({ id: `${PLUGIN_ID}.${message.id}`, defaultMessage: message.defaultMessage }, message.values);
  }) as Translate;
};
