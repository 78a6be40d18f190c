/** How much of an upload is inspected before anything else reads it. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Why a file's first bytes are not CSV text, or undefined when they are: a NUL byte (binary files,
 * UTF-16) or a byte sequence that is not UTF-8. A sequence cut by the end of the sample is fine.
 */
export const binaryReason = (sample: Buffer): string | undefined => {
  const nul = sample.indexOf(0);
  if (nul !== -1) return `the file looks binary (a NUL byte at offset ${nul}): upload a CSV file saved as UTF-8 text`;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return undefined;
  } catch {
    return 'the file looks binary or is not UTF-8 text (an invalid UTF-8 byte sequence in its first 64 KB): save it as CSV UTF-8';
  }
};
