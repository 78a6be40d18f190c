import fc from 'fast-check';

/** Schedules of every mode, with or without a spread and a window, in one of `zones`, over two years from 2026. */
export const scheduleArbitrary = (zones: readonly string[]) =>
  fc.record({
    mode: fc.constantFrom('at' as const, 'recipient-local' as const),
    date: fc.integer({ min: 0, max: 730 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    time: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    timezone: fc.constantFrom(...zones),
    spreadHours: fc.option(fc.integer({ min: 1, max: 48 }), { nil: null }),
    window: fc.option(
      fc.record({
        days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        start: fc.integer({ min: 0, max: 20 }).map((h) => `${String(h).padStart(2, '0')}:00`),
        end: fc.integer({ min: 21, max: 23 }).map((h) => `${h}:30`),
        zone: fc.constantFrom('recipient' as const, 'campaign' as const),
      }),
      { nil: null }
    ),
  });
