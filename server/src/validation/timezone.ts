/** True for an IANA time zone name this Node.js knows (e.g. Europe/Paris, UTC). */
export const isTimeZone = (value: string): boolean => {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};
