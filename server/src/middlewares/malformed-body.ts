import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../constants';

type Middleware = (ctx: Context, next: Next) => Promise<unknown>;
type MiddlewareFactory = (config: unknown, context: { strapi: Core.Strapi }) => Middleware;

/** The plugin's public (content API) and admin routes. */
const PLUGIN_PATHS = [`/api/${PLUGIN_ID}/`, `/${PLUGIN_ID}/`];

/**
 * formidable (inside koa-body) marks what a client got wrong with an `httpCode` (400 for a
 * malformed multipart body or a missing boundary); Strapi's errors middleware reads only `status`,
 * so without this it answers 500.
 */
const clientErrorOf = (error: unknown): number | null => {
  const code = (error as { httpCode?: unknown } | null)?.httpCode;
  return typeof code === 'number' && code >= 400 && code < 500 ? code : null;
};

/**
 * Wraps Strapi's body parser (`strapi::body`) so that a body it cannot read, on one of the plugin's
 * routes, gets a 4xx that says what to send. Errors thrown after the body was read (by the routes
 * themselves) pass through untouched. Called from register, before Strapi builds its middlewares.
 */
export const answerMalformedBodies = (strapi: Core.Strapi) => {
  strapi.get('middlewares').extend('strapi::body', (bodyParser: MiddlewareFactory): MiddlewareFactory => (config, context) => {
    const parse = bodyParser(config, context);
    return async (ctx, next) => {
      if (!PLUGIN_PATHS.some((prefix) => ctx.path.startsWith(prefix))) return parse(ctx, next);
      let parsed = false;
      try {
        return await parse(ctx, () => {
          parsed = true;
          return next();
        });
      } catch (error) {
        const status = parsed ? null : clientErrorOf(error);
        if (status === null) throw error;
        const reason = (error as Error).message;
        if (status === 413) throw new errors.PayloadTooLargeError(`The request body is too large: ${reason}`);
        throw new errors.ValidationError(
          `The request body could not be read (${reason}): send multipart/form-data with the boundary named in Content-Type, or application/x-www-form-urlencoded or JSON`
        );
      }
    };
  });
};
