import fc from 'fast-check';
import { scheduleArbitrary } from './schedule-arbitrary';
import type { CampaignSchedule } from '../../../../../shared/contracts/schedule';
import { instantOf } from '../local-time';
import { isOpenAt } from '../send-window';
import { needsPlan, openWavePlan, planWaves, summarize, type ZoneCount } from '../wave-plan';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const local: CampaignSchedule = { mode: 'recipient-local', date: '2026-12-09', time: '09:00', timezone: 'Europe/Paris' };

const countsOf = (zones: ReadonlyArray<string | null>): ZoneCount[] => {
  const counts = new Map<string | null, number>();
  for (const zone of zones) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  return [...counts].map(([zone, count]) => ({ zone, count }));
};

test('only a schedule that gives contacts different times needs a plan', () => {
  expect(needsPlan(null)).toBe(false);
  expect(needsPlan({ ...local, mode: 'at' })).toBe(false);
  expect(needsPlan(local)).toBe(true);
  expect(needsPlan({ ...local, mode: 'at', spreadHours: 2 })).toBe(true);
  expect(needsPlan({ ...local, mode: 'at', window: { days: [1], start: '09:00', end: '17:00', zone: 'campaign' } })).toBe(true);
});

test("contacts without a zone, or with one that is not a zone, take the campaign's", () => {
  const plan = openWavePlan(planWaves(local, countsOf([null, 'Not/AZone', 'America/New_York'])));
  expect(plan.place([{ timezone: null }, { timezone: 'Not/AZone' }, { timezone: 'America/New_York' }, {}])).toEqual([
    at('2026-12-09T08:00:00Z'),
    at('2026-12-09T08:00:00Z'),
    at('2026-12-09T14:00:00Z'),
    at('2026-12-09T08:00:00Z'),
  ]);
});

test('a spread wave hands out its slots in order, and a contact the count missed joins the end of its wave', () => {
  const spread = { ...local, mode: 'at' as const, spreadHours: 3 };
  const plan = openWavePlan(planWaves(spread, countsOf(['Europe/Paris', 'Europe/Paris', 'Europe/Paris'])));
  const start = at('2026-12-09T08:00:00Z');
  expect(plan.place([{ timezone: 'Europe/Paris' }, { timezone: 'Europe/Paris' }])).toEqual([start, start + HOUR]);
  // The fourth stretches the wave to four slots: it takes the last, 3/4 of the way.
  expect(plan.place([{ timezone: 'Europe/Paris' }, { timezone: 'Europe/Paris' }])).toEqual([
    start + 2 * HOUR,
    start + 2 * HOUR + 15 * 60_000,
  ]);
  expect(plan.state().waves).toEqual([{ at: start, size: 3, placed: 4 }]);
});

test('the summary names the first and last message and each wave', () => {
  const summary = summarize(local, countsOf(['Pacific/Kiritimati', 'Europe/Paris', 'Europe/Berlin', 'America/New_York', null]));
  expect(summary).toEqual({
    firstAt: at('2026-12-08T19:00:00Z'),
    lastAt: at('2026-12-09T14:00:00Z'),
    contacts: 5,
    waves: [
      { at: at('2026-12-08T19:00:00Z'), contacts: 1, zones: 1 },
      { at: at('2026-12-09T08:00:00Z'), contacts: 3, zones: 2 },
      { at: at('2026-12-09T14:00:00Z'), contacts: 1, zones: 1 },
    ],
  });
  expect(summarize(local, [])).toBeNull();
});

test('DST: a recipient-local 02:30 on the spring-forward night goes at 03:00 local, 01:30 on the fall-back night at its first occurrence', () => {
  const spring = { ...local, date: '2026-03-29', time: '02:30' };
  expect(openWavePlan(planWaves(spring, countsOf(['Europe/Paris']))).place([{ timezone: 'Europe/Paris' }])).toEqual([
    at('2026-03-29T01:00:00Z'),
  ]);
  const fall = { ...local, date: '2026-11-01', time: '01:30' };
  expect(openWavePlan(planWaves(fall, countsOf(['America/New_York']))).place([{ timezone: 'America/New_York' }])).toEqual([
    at('2026-11-01T05:30:00Z'),
  ]);
});

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC', 'Pacific/Chatham', 'Bad/Zone'];

test('property: paged and resumed from its saved state, the plan gives every contact one time, never before the schedule, inside its window', () => {
  fc.assert(
    fc.property(
      scheduleArbitrary(['Europe/Paris', 'America/New_York', 'Asia/Kolkata']),
      fc.array(fc.option(fc.constantFrom(...ZONES), { nil: null }), { minLength: 1, maxLength: 80 }),
      fc.integer({ min: 1, max: 20 }),
      (schedule, zones, pageSize) => {
        const contacts = zones.map((timezone) => ({ timezone }));
        const whole = openWavePlan(planWaves(schedule, countsOf(zones))).place(contacts);
        // The dispatch saves the state after each page; a restart opens it again from there.
        let state = planWaves(schedule, countsOf(zones));
        const paged: number[] = [];
        for (let i = 0; i < contacts.length; i += pageSize) {
          const plan = openWavePlan(JSON.parse(JSON.stringify(state)));
          paged.push(...plan.place(contacts.slice(i, i + pageSize)));
          state = plan.state();
        }
        expect(paged).toEqual(whole);
        expect(whole).toHaveLength(contacts.length);
        const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
        const [y, m, d] = schedule.date.split('-').map(Number);
        const [hh, mm] = schedule.time.split(':').map(Number);
        Object.assign(wall, { year: y, month: m, day: d, hour: hh, minute: mm });
        whole.forEach((sendAt, i) => {
          const own = zones[i] && zones[i] !== 'Bad/Zone' ? zones[i]! : schedule.timezone;
          const start = instantOf(wall, schedule.mode === 'at' ? schedule.timezone : own);
          expect(sendAt).toBeGreaterThanOrEqual(start);
          if (schedule.window) {
            expect(isOpenAt(schedule.window, schedule.window.zone === 'recipient' ? own : schedule.timezone, sendAt)).toBe(true);
          } else {
            expect(sendAt).toBeLessThan(start + Math.max(1, (schedule.spreadHours ?? 0) * HOUR));
          }
        });
      }
    ),
    { numRuns: 200 }
  );
});
