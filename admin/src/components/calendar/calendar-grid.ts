/** A calendar day as `YYYY-MM-DD`: the wall date, free of any zone. */
export type Day = string;

export type CalendarView = 'month' | 'week';

const DAY_MS = 86_400_000;

const dayOf = (utcMs: number): Day => new Date(utcMs).toISOString().slice(0, 10);
const msOf = (day: Day) => Date.parse(`${day}T00:00:00Z`);

export const addDays = (day: Day, days: number): Day => dayOf(msOf(day) + days * DAY_MS);

/** ISO weekday, 1 Monday to 7 Sunday. */
const weekdayOf = (day: Day) => ((new Date(msOf(day)).getUTCDay() + 6) % 7) + 1;

const mondayOf = (day: Day) => addDays(day, 1 - weekdayOf(day));

/**
 * The days a view shows around `anchor`, in weeks from Monday: the week that holds it, or every
 * week that touches its month (so a month view is four to six full rows).
 */
export const daysOfView = (view: CalendarView, anchor: Day): Day[][] => {
  const first = view === 'week' ? mondayOf(anchor) : mondayOf(`${anchor.slice(0, 7)}-01`);
  const month = anchor.slice(0, 7);
  const weeks: Day[][] = [];
  for (let monday = first; weeks.length === 0 || (view === 'month' && monday.slice(0, 7) <= month); monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
    if (view === 'week') break;
  }
  return weeks;
};

/** The anchor of the next (+1) or previous (-1) view: a week, or the first of a month. */
export const stepAnchor = (view: CalendarView, anchor: Day, step: 1 | -1): Day => {
  if (view === 'week') return addDays(anchor, 7 * step);
  const [year, month] = anchor.split('-').map(Number);
  return dayOf(Date.UTC(year, month - 1 + step, 1));
};

/** The local day of an instant on the browser's clock. */
export const localDayOf = (instant: string | number): Day => {
  const at = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

/**
 * The instants to ask the server for a view's days: from the first day's start to the day after
 * the last, a day wider on each side, so a campaign whose own zone puts it on another day than the
 * browser's is still fetched.
 */
export const rangeOf = (weeks: Day[][]) => {
  const first = weeks[0][0];
  const last = weeks[weeks.length - 1][6];
  return { from: new Date(msOf(addDays(first, -1))).toISOString(), to: new Date(msOf(addDays(last, 2))).toISOString() };
};
