import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../../constants';

type Middleware = (ctx: Context, next: Next) => Promise<unknown>;
type MiddlewareFactory = (config: unknown, context: { strapi: Core.Strapi }) => Middleware;

/** The mount point of every inbound route under the content API prefix (index.ts). */
export const INBOUND_PATH = '/inbound';

/**
 * Strapi's body parser (`strapi::body`, a global middleware) runs before any route middleware
 * and consumes the request: JSON and text bodies come out re-encoded, never the bytes a signature
 * was made over, and mail (message/rfc822) is not read at all. So on the inbound routes the parser
 * is skipped and the route reads the raw bytes itself (readRawBody), whatever the host configured
 * for the parser. Called from register, before Strapi builds its middlewares.
 */
export const leaveInboundBodiesUnread = (strapi: Core.Strapi) => {
  const prefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/${PLUGIN_ID}${INBOUND_PATH}/`;
  strapi.get('middlewares').extend('strapi::body', (bodyParser: MiddlewareFactory): MiddlewareFactory => (config, context) => {
    const parse = bodyParser(config, context);
    return (ctx, next) => (ctx.path.startsWith(prefix) ? next() : parse(ctx, next));
  });
};

/**
 * The request body byte for byte, refused with 413 past maxBytes: at once when Content-Length says
 * so, else as soon as that many bytes have come. The rest keeps flowing to no listener, so the
 * client can finish sending and read the 413 (an aborted read would reset the connection).
 */
export const readRawBody = (req: IncomingMessage, maxBytes: number, what: string): Promise<Buffer> => {
  const tooLarge = () => new errors.PayloadTooLargeError(`${what} is larger than ${maxBytes} bytes`);
  if (req.readableEnded)
    throw new Error('campaigns: the request body was read before the inbound route (leaveInboundBodiesUnread not applied)');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (settled: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      settled();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) settle(() => reject(tooLarge()));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, size)));
    const onError = (error: Error) => settle(() => reject(error));
    const onClose = () => settle(() => reject(new Error('the client closed the request before sending its whole body')));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
};
