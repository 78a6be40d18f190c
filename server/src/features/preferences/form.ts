/**
 * The preference and undo forms as they come back: `application/x-www-form-urlencoded`, read by
 * the route itself (body.ts) and parsed here, strictly. A form is the recipient's own page posted
 * back, so anything our pages would never send (an unknown field, a field twice, a value that is
 * not one of ours) is refused as a whole rather than half applied.
 */

/** The largest form accepted: our biggest one (a checkbox per topic) is a few kilobytes. */
export const MAX_FORM_BYTES = 16 * 1024;

/** Topics one form may name: more than any preference page shows. */
export const MAX_FORM_TOPICS = 500;

export const PREFERENCE_ACTIONS = ['save', 'unsubscribe', 'resubscribe'] as const;
export type PreferenceAction = (typeof PREFERENCE_ACTIONS)[number];

export type PreferenceForm =
  /** The wanted topics, by documentId: every offered topic not named is one the recipient does not want. */
  { token: string; action: 'save'; topics: string[] } | { token: string; action: 'unsubscribe' | 'resubscribe' };

export type FormResult<F> = { ok: true; form: F } | { ok: false; problem: 'malformed' | 'no-token' };

/** A Strapi documentId (or anything shaped like one): what a topic checkbox carries. */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/** The fields of a urlencoded body, each with all its values; null when it is not one we could have sent. */
const fieldsOf = (body: string, allowed: readonly string[]): Map<string, string[]> | null => {
  // Browsers percent-encode everything else; and valid UTF-8 percent-encoding only: URLSearchParams
  // would pass `%zz` through and turn broken bytes into U+FFFD.
  if (!/^[\x20-\x7e]*$/.test(body)) return null;
  try {
    decodeURIComponent(body.replace(/\+/g, ' '));
  } catch {
    return null;
  }
  const fields = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(body)) {
    if (!allowed.includes(name)) return null;
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
};

/** The one value of a field that must appear at most once; undefined when absent, null when repeated. */
const single = (fields: Map<string, string[]>, name: string): string | undefined | null => {
  const values = fields.get(name);
  if (!values) return undefined;
  return values.length === 1 ? values[0] : null;
};

/** The hidden `token` field: present once and not empty, or the whole form is refused. */
const tokenOf = (fields: Map<string, string[]>): string | 'missing' | null => {
  const token = single(fields, 'token');
  if (token === null) return null;
  return token ? token : 'missing';
};

/** The preference page's forms: `token`, `action`, and with `save` the checked `topics`. */
export const parsePreferenceForm = (body: string): FormResult<PreferenceForm> => {
  const fields = fieldsOf(body, ['token', 'action', 'topics']);
  if (!fields) return { ok: false, problem: 'malformed' };
  const token = tokenOf(fields);
  if (token === 'missing') return { ok: false, problem: 'no-token' };
  const action = single(fields, 'action');
  if (token === null || !action || !(PREFERENCE_ACTIONS as readonly string[]).includes(action)) return { ok: false, problem: 'malformed' };
  const topics = fields.get('topics') ?? [];
  if (action !== 'save')
    return topics.length
      ? { ok: false, problem: 'malformed' }
      : { ok: true, form: { token, action: action as 'unsubscribe' | 'resubscribe' } };
  if (topics.length > MAX_FORM_TOPICS || !topics.every((t) => DOCUMENT_ID.test(t))) return { ok: false, problem: 'malformed' };
  return { ok: true, form: { token, action: 'save', topics: [...new Set(topics)] } };
};

/** The undo form: the hidden `token` alone. */
export const parseUndoForm = (body: string): FormResult<{ token: string }> => {
  const fields = fieldsOf(body, ['token']);
  if (!fields) return { ok: false, problem: 'malformed' };
  const token = tokenOf(fields);
  if (token === 'missing') return { ok: false, problem: 'no-token' };
  if (token === null) return { ok: false, problem: 'malformed' };
  return { ok: true, form: { token } };
};
