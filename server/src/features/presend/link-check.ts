import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from './address-guard';

/**
 * What a link check found: `ok`; `broken` (the site answered an error, or does not exist);
 * `unsafe` (not a web address, or one on a private network, at any hop); `unchecked` (the site
 * did not answer in time, or the connection failed: maybe the site, maybe this server's network).
 */
export interface LinkVerdict {
  url: string;
  outcome: 'ok' | 'broken' | 'unsafe' | 'unchecked';
  /** The last answer's HTTP status, when there was one. */
  status: number | null;
  detail: string;
}

export interface LinkCheckOptions {
  /** Per request. */
  timeoutMs?: number;
  maxRedirects?: number;
  lookup?: ReturnType<typeof guardedLookup>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Sites that refuse HEAD answer these; they are asked again with GET. */
const NO_HEAD = new Set([403, 405, 501]);

const ask = (url: URL, method: 'HEAD' | 'GET', lookup: ReturnType<typeof guardedLookup>, timeoutMs: number) =>
  new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method,
        lookup: lookup as unknown as http.RequestOptions['lookup'],
        signal: AbortSignal.timeout(timeoutMs),
        headers: { 'user-agent': 'strapi-plugin-campaigns link check', accept: '*/*' },
      },
      (response) => {
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        // Only the status matters: the body is never read.
        response.destroy();
      }
    );
    request.on('error', reject);
    request.end();
  });

const causeOf = (error: unknown): Error | undefined => (error instanceof Error ? (error.cause as Error | undefined) : undefined);

/**
 * Follows one link the way a reader's browser would (HEAD, or GET where HEAD is refused; up to
 * `maxRedirects` redirects), refusing any hop to a private address before connecting to it.
 */
export const checkLink = async (url: string, options: LinkCheckOptions = {}): Promise<LinkVerdict> => {
  const { timeoutMs = 10_000, maxRedirects = 5, lookup = guardedLookup() } = options;
  const verdict = (outcome: LinkVerdict['outcome'], status: number | null, detail: string): LinkVerdict => ({
    url,
    outcome,
    status,
    detail,
  });
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return verdict('broken', null, 'not a valid address');
  }
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const via = hop ? ` (redirected to ${current.href})` : '';
    if (current.protocol !== 'http:' && current.protocol !== 'https:') return verdict('unsafe', null, `not a web address${via}`);
    const host = current.hostname.replace(/^\[|\]$/g, '');
    // Node connects to an IP address without a lookup: checked here.
    if (isIP(host) && isPrivateAddress(host)) return verdict('unsafe', null, `${host} is a private or reserved address${via}`);
    let answer;
    try {
      answer = await ask(current, 'HEAD', lookup, timeoutMs);
      if (NO_HEAD.has(answer.status)) answer = await ask(current, 'GET', lookup, timeoutMs);
    } catch (error) {
      const refused = error instanceof PrivateAddressError ? error : causeOf(error);
      if (refused instanceof PrivateAddressError) return verdict('unsafe', null, `${refused.message}${via}`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND') return verdict('broken', null, `${current.hostname} does not exist${via}`);
      return verdict('unchecked', null, `${current.hostname} could not be reached: ${(error as Error).message}${via}`);
    }
    if (REDIRECTS.has(answer.status) && answer.location) {
      current = new URL(answer.location, current);
      continue;
    }
    return answer.status < 400
      ? verdict('ok', answer.status, `answered ${answer.status}${via}`)
      : verdict('broken', answer.status, `answered ${answer.status}${via}`);
  }
  return verdict('broken', null, `more than ${maxRedirects} redirects`);
};
