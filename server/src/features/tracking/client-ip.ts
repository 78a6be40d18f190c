import type { IncomingMessage } from 'node:http';

/** What Koa is told about the proxies in front of it (Strapi's `server.proxy`: koa, ipHeader, maxIpsCount). */
export interface ProxySettings {
  proxy: boolean;
  proxyIpHeader: string;
  maxIpsCount: number;
}

/**
 * The client's address as Koa's `ctx.ip` gives it (koa/lib/request.js, `ips` and `ip`). The
 * tracking fast path answers before Koa sees the request, and must count the public limits for the
 * same client that the unsubscribe and web-view routes count them for.
 */
export const clientIpOf = (req: Pick<IncomingMessage, 'headers' | 'socket'>, app: ProxySettings): string => {
  const forwarded = app.proxy ? req.headers[app.proxyIpHeader.toLowerCase()] : undefined;
  let ips = typeof forwarded === 'string' && forwarded ? forwarded.split(',').map((ip) => ip.trim()) : [];
  if (app.maxIpsCount > 0) ips = ips.slice(-app.maxIpsCount);
  return ips[0] || req.socket.remoteAddress || '';
};
