const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** The admin's time zone ("Europe/Paris"): the browser's, which the date-time picker shows its times in. */
export const adminTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The wall-clock fields of an instant in a time zone. */
const wallClock = (date: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
};

/**
 * An instant as ISO 8601 on a zone's clock (the admin's unless told), with that zone's offset then
 * (`2026-12-10T09:00:00+01:00`): what a variant's send time is stored as, the same instant.
 */
export const isoWithOffset = (date: Date, timeZone = adminTimeZone()): string => {
  const at = Math.floor(date.getTime() / 1000) * 1000;
  const c = wallClock(new Date(at), timeZone);
  const offset = Math.round((Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - at) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
};

/** A stored send time as the picker takes it; none for an empty or unreadable one. */
export const dateOf = (iso: string): Date | undefined => {
  if (!iso.trim()) return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : new Date(at);
};
