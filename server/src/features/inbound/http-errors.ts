import { errors } from '@strapi/utils';
import { MalformedPayload, RequestRefused } from './webhooks/verification';

/**
 * An inbound request's refusal as Strapi answers it (401, or 400 for a verified body that does not
 * hold what it should), with a log line saying which route refused what. Refusal messages name
 * headers and fields, never a secret.
 */
export const answerRefusal = (error: unknown, what: string, log: { warn(message: string): void }): unknown => {
  if (error instanceof RequestRefused) {
    log.warn(`campaigns: ${what} refused: ${error.message}`);
    return new errors.UnauthorizedError(error.message);
  }
  if (error instanceof MalformedPayload) {
    log.warn(`campaigns: ${what} not applied: ${error.message}`);
    return new errors.ValidationError(error.message);
  }
  return error;
};
