/** Contact states, shared by the server's schema checks and the admin's pickers. */
export const CONTACT_STATES = ['subscribed', 'unsubscribed', 'bounced', 'complained'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

/** A key of a contact's `attributes` (and of an import's `attribute:<name>` target). */
export const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
