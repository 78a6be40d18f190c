/** Contact states, shared by the server's schema checks and the admin's pickers. */
export const CONTACT_STATES = ['subscribed', 'unsubscribed', 'bounced', 'complained'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];
