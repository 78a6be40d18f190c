/**
 * Whether a 5xx answer says the address itself is bad (a hard bounce that suppresses it) rather than
 * refusing this message (policy, content, a full mailbox). RFC 3463: 5.1.x are addressing
 * problems; without an enhanced code, 550/551/553 mean "no such mailbox" unless the text says policy.
 */
export const isHardBounce = (responseCode: number | null, message: string) => {
  if (responseCode === null || responseCode < 500 || responseCode >= 600) return false;
  const enhanced = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(message);
  if (enhanced) return enhanced[1] === '5' && enhanced[2] === '1';
  return [550, 551, 553].includes(responseCode) && !/policy|spam|blocked|reputation|rate/i.test(message);
};
