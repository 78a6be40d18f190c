import fc from 'fast-check';
import { scheduleArbitrary } from './schedule-arbitrary';
import type { CampaignSchedule } from '../../../../../shared/contracts/schedule';
import { createSendClock, wavesOf } from '../send-plan';
import { isOpenAt } from '../send-window';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const base: CampaignSchedule = { mode: 'at', date: '2026-12-09', time: '09:00', timezone: 'Europe/Paris' };

test('a send at a time is one wave at that instant, whatever the zones', () => {
  expect(wavesOf(base, ['America/New_York', 'Asia/Tokyo', 'Europe/Paris'])).toEqual([
    { at: at('2026-12-09T08:00:00Z'), zones: ['America/New_York', 'Asia/Tokyo', 'Europe/Paris'] },
  ]);
});

test("a recipient-local send is one wave per distinct start, the first at the earliest zone's", () => {
  const local: CampaignSchedule = { ...base, mode: 'recipient-local' };
  expect(wavesOf(local, ['Europe/Paris', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Kiritimati'])).toEqual([
    { at: at('2026-12-08T19:00:00Z'), zones: ['Pacific/Kiritimati'] },
    { at: at('2026-12-09T03:30:00Z'), zones: ['Asia/Kolkata'] },
    { at: at('2026-12-09T08:00:00Z'), zones: ['Europe/Berlin', 'Europe/Paris'] },
    { at: at('2026-12-09T14:00:00Z'), zones: ['America/New_York'] },
  ]);
});

test('a spread sends a wave evenly over its hours', () => {
  const clock = createSendClock({ ...base, spreadHours: 4 });
  const times = [0, 1, 2, 3].map((rank) => clock('Europe/Paris', rank, 4));
  expect(times).toEqual([0, 1, 2, 3].map((h) => at('2026-12-09T08:00:00Z') + h * HOUR));
});

test("a window defers to its next opening, in the recipient's zone or the campaign's", () => {
  const late: CampaignSchedule = {
    ...base,
    time: '18:00',
    window: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', zone: 'campaign' },
  };
  // Wednesday 18:00 Paris is closed: Thursday 09:00 Paris.
  expect(createSendClock(late)('America/New_York', 0, 1)).toBe(at('2026-12-10T08:00:00Z'));
  const theirs = { ...late, window: { ...late.window!, zone: 'recipient' as const } };
  // 18:00 Paris is 12:00 in New York: open there.
  expect(createSendClock(theirs)('America/New_York', 0, 1)).toBe(at('2026-12-09T17:00:00Z'));
});

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'UTC', 'Pacific/Chatham'];

test('property: every contact gets one send time, never before its wave, inside its window, and a spread stays in order', () => {
  fc.assert(
    fc.property(scheduleArbitrary(ZONES), fc.array(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 60 }), (schedule, contacts) => {
      const waves = wavesOf(schedule, contacts);
      const waveOf = (zone: string) => waves.find((wave) => wave.zones.includes(zone))!;
      expect(waves.reduce((n, wave) => n + wave.zones.length, 0)).toBe(new Set(contacts).size);
      const sizes = new Map<number, number>();
      for (const zone of contacts) sizes.set(waveOf(zone).at, (sizes.get(waveOf(zone).at) ?? 0) + 1);
      const ranks = new Map<number, number>();
      const clock = createSendClock(schedule);
      const again = createSendClock(schedule);
      const last = new Map<string, number>();
      for (const zone of contacts) {
        const wave = waveOf(zone);
        const rank = ranks.get(wave.at) ?? 0;
        ranks.set(wave.at, rank + 1);
        const sendAt = clock(zone, rank, sizes.get(wave.at)!);
        // One time per contact: the same question gets the same answer.
        expect(again(zone, rank, sizes.get(wave.at)!)).toBe(sendAt);
        expect(sendAt).toBeGreaterThanOrEqual(wave.at);
        if (schedule.window) {
          expect(isOpenAt(schedule.window, schedule.window.zone === 'recipient' ? zone : schedule.timezone, sendAt)).toBe(true);
        } else {
          expect(sendAt).toBeLessThan(wave.at + Math.max(1, (schedule.spreadHours ?? 0) * HOUR));
        }
        expect(sendAt).toBeGreaterThanOrEqual(last.get(zone) ?? 0);
        last.set(zone, sendAt);
      }
    }),
    { numRuns: 300 }
  );
});
