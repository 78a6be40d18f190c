import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { MalformedPayload, RequestRefused } from './webhooks/verification';

/**
 * Runs an inbound route's work and answers its refusals: 401 for a request that is not from its
 * sender, 400 for a verified body that does not hold what it should, each with a log line saying
 * which route refused what (refusal messages name headers and fields, never a secret). Null when
 * the 401 is answered. The 401 is written here in Strapi's error shape rather than thrown: Strapi's
 * route auth turns a thrown UnauthorizedError into a bare "Unauthorized" (and Koa's own HTTP error
 * is logged as a server error), so the sender would not learn what to fix.
 */
export const answeringRefusals = async <T>(
  ctx: Context,
  what: string,
  log: { warn(message: string): void },
  work: () => Promise<T>
): Promise<T | null> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RequestRefused) {
      log.warn(`campaigns: ${what} refused: ${error.message}`);
      ctx.status = 401;
      ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: error.message, details: {} } };
      return null;
    }
    if (error instanceof MalformedPayload) {
      log.warn(`campaigns: ${what} not applied: ${error.message}`);
      throw new errors.ValidationError(error.message);
    }
    throw error;
  }
};
