import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../../constants';
import { readRawBody } from '../inbound/request-body';
import { MAX_FORM_BYTES } from './form';

type Middleware = (ctx: Context, next: Next) => Promise<unknown>;
type MiddlewareFactory = (config: unknown, context: { strapi: Core.Strapi }) => Middleware;

/** The preference page's POST and the undo's, under the content API prefix (index.ts). */
const isFormPath = (path: string, base: string) =>
  path.startsWith(`${base}/t/p/`) || (path.startsWith(`${base}/t/u/`) && path.endsWith('/undo'));

/**
 * Strapi's body parser runs before any route and answers a body it dislikes (too large, not
 * urlencoded-shaped, an unknown type) with a JSON error: a recipient's form gets a page instead.
 * So on the form routes the parser is skipped and the route reads its form with readForm. The
 * one-click unsubscribe POST keeps the parser: it reads no field of the body, and a body the parser
 * refuses gets its 4xx and changes nothing, as before. Called from register, before Strapi builds
 * its middlewares.
 */
export const leaveFormBodiesUnread = (strapi: Core.Strapi) => {
  const base = `${strapi.config.get<string>('api.rest.prefix', '/api')}/${PLUGIN_ID}`;
  strapi.get('middlewares').extend('strapi::body', (bodyParser: MiddlewareFactory): MiddlewareFactory => (config, context) => {
    const parse = bodyParser(config, context);
    return (ctx, next) => (isFormPath(ctx.path, base) ? next() : parse(ctx, next));
  });
};

export type FormBody = { ok: true; text: string } | { ok: false; problem: 'too-large' | 'not-a-form' };

/** Lets a body the route does not read flow past, so the client can finish sending and read the answer. */
const discardBody = (ctx: Context) => {
  ctx.req.resume();
};

/** The urlencoded form a page posted, at most MAX_FORM_BYTES; anything else is named, not thrown. */
export const readForm = async (ctx: Context): Promise<FormBody> => {
  if (!ctx.is('application/x-www-form-urlencoded')) {
    discardBody(ctx);
    return { ok: false, problem: 'not-a-form' };
  }
  try {
    const bytes = await readRawBody(ctx.req, MAX_FORM_BYTES, 'the form');
    // One character a byte: form.ts refuses any that is not printable ASCII, which is all a browser sends.
    return { ok: true, text: bytes.toString('latin1') };
  } catch (error) {
    if ((error as Error).name === 'PayloadTooLargeError') return { ok: false, problem: 'too-large' };
    throw error;
  }
};
