import { signToken } from './tokens';

/** The public endpoints' base path, under Strapi's content API prefix. */
export const TRACKING_PATH = '/api/campaigns/t';

/** Signed URLs of one delivery: every public link a message carries. */
export const trackingUrls = (publicUrl: string, secret: string) => {
  const base = `${publicUrl.replace(/\/+$/, '')}${TRACKING_PATH}`;
  return {
    click: (deliveryId: number, linkId: number) => `${base}/c/${signToken(secret, 'click', [deliveryId, linkId])}`,
    open: (deliveryId: number) => `${base}/o/${signToken(secret, 'open', [deliveryId])}`,
    unsubscribeToken: (deliveryId: number) => signToken(secret, 'unsubscribe', [deliveryId]),
    unsubscribe: (deliveryId: number) => `${base}/u/${signToken(secret, 'unsubscribe', [deliveryId])}`,
    preferences: (deliveryId: number) => `${base}/p/${signToken(secret, 'preferences', [deliveryId])}`,
    /** The unsubscribe page's "Undo": of the suppression this delivery's unsubscribe wrote, until `expiresAtSeconds` (epoch seconds). */
    unsubscribeUndoToken: (deliveryId: number, suppressionId: number, expiresAtSeconds: number) =>
      signToken(secret, 'unsubscribe-undo', [deliveryId, suppressionId, expiresAtSeconds]),
    unsubscribeUndo: (undoToken: string) => `${base}/u/${undoToken}/undo`,
    view: (deliveryId: number) => `${base}/v/${signToken(secret, 'view', [deliveryId])}`,
  };
};

export type TrackingUrls = ReturnType<typeof trackingUrls>;
