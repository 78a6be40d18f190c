import { verifyToken, type TokenPurpose } from './tokens';
import { trackingUrls, type TrackingUrls } from './urls';

/**
 * How many row ids a token of each purpose carries: a click names its delivery and its link, an
 * unsubscribe's undo its delivery, the suppression it wrote and when the undo expires.
 */
const ID_COUNT: Record<TokenPurpose, number> = { click: 2, open: 1, view: 1, unsubscribe: 1, preferences: 1, 'unsubscribe-undo': 3 };

/**
 * Verifies the tokens of the public endpoints, in constant time and per purpose. Without both
 * options no message was ever sent, so no token can be genuine: every one fails.
 */
export const createTokenVerifier = (signingSecret: string | undefined, publicUrl: string | undefined) => {
  const signing = signingSecret && publicUrl ? { secret: signingSecret, urls: trackingUrls(publicUrl, signingSecret) } : null;
  const verified = (purpose: TokenPurpose, token: string) =>
    signing ? verifyToken(signing.secret, purpose, token, ID_COUNT[purpose]) : null;
  return {
    verified,
    /** What the public limits count a token as (`click:12.3`, ids only), or null when it does not verify for this purpose. */
    subjectOf(purpose: TokenPurpose, token: string): string | null {
      const ids = verified(purpose, token);
      return ids && `${purpose}:${ids.join('.')}`;
    },
    /** The signed URLs; null when tokens cannot be signed (then none verifies either). */
    urls: (signing?.urls ?? null) as TrackingUrls | null,
  };
};

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
