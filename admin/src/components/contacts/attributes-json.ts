import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';

export type AttributesParse = { ok: true; value: Record<string, unknown> | null } | { ok: false; error: PluginMessage };

/** The attributes box's text as the API wants it: a JSON object, or null when left empty. */
export const parseAttributes = (text: string): AttributesParse => {
  if (!text.trim()) return { ok: true, value: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: pluginMessage('contacts.form.attributesInvalid', 'Not valid JSON: {reason}', { reason: (e as Error).message }),
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: pluginMessage('contacts.form.attributesNotObject', 'Must be a JSON object, such as \'{"plan": "pro"}\'') };
  }
  return { ok: true, value: value as Record<string, unknown> };
};

export const formatAttributes = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value, null, 2) : '');
