// Generous for a busy network, short enough that a stalled host cannot hold requests for long.
const TIMEOUT_MS = 10_000;
// An SNS certificate is about 2 KB; a subscription answer less.
const MAX_BYTES = 64 * 1024;

/**
 * GETs a URL the caller has checked is Amazon's (an SNS certificate, a subscription link): no
 * redirect is followed (it could lead anywhere), and the time and size are bounded.
 */
export const fetchText = async (url: string): Promise<string> => {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new Error(`GET answered more than ${MAX_BYTES} bytes`);
  return text;
};
