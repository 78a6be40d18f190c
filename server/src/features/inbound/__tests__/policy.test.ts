import { inboundSchema } from '../../../config/inbound';
import { actionOf, softSuppressionExpiry, softWindowStart } from '../policy';

const defaults = inboundSchema.parse({}).policy;
const DAY = 86_400_000;

test('the default policy: hard bounces and complaints suppress, the soft bounce that reaches the limit suppresses', () => {
  expect(actionOf(defaults, { kind: 'bounce', bounceType: 'hard', reachesSoftLimit: false })).toBe('suppressed');
  expect(actionOf(defaults, { kind: 'bounce', bounceType: 'soft', reachesSoftLimit: false })).toBe('soft-counted');
  expect(actionOf(defaults, { kind: 'bounce', bounceType: 'undetermined', reachesSoftLimit: true })).toBe('suppressed');
  expect(actionOf(defaults, { kind: 'complaint', bounceType: null, reachesSoftLimit: false })).toBe('complained');
  expect(actionOf(defaults, { kind: 'unsubscribe-request', bounceType: null, reachesSoftLimit: false })).toBe('unsubscribed');
  for (const kind of ['delivered', 'open', 'reply', 'auto-reply'] as const) {
    expect(actionOf(defaults, { kind, bounceType: null, reachesSoftLimit: false })).toBe('recorded');
  }
  expect(actionOf(defaults, { kind: 'unknown', bounceType: null, reachesSoftLimit: false })).toBe('ignored');
});

test('each class the policy says to ignore is ignored', () => {
  const ignoring = inboundSchema.parse({
    policy: { hardBounce: 'ignore', softBounce: { action: 'ignore' }, complaint: 'ignore', unsubscribeRequest: 'ignore' },
  }).policy;
  expect(actionOf(ignoring, { kind: 'bounce', bounceType: 'hard', reachesSoftLimit: false })).toBe('ignored');
  expect(actionOf(ignoring, { kind: 'bounce', bounceType: 'soft', reachesSoftLimit: true })).toBe('ignored');
  expect(actionOf(ignoring, { kind: 'complaint', bounceType: null, reachesSoftLimit: false })).toBe('ignored');
  expect(actionOf(ignoring, { kind: 'unsubscribe-request', bounceType: null, reachesSoftLimit: false })).toBe('ignored');
});

test('the soft window and the expiry are counted from the bounce; 0 days means no expiry', () => {
  const at = Date.UTC(2026, 0, 31);
  expect(softWindowStart(defaults, at)).toBe(at - 30 * DAY);
  expect(softSuppressionExpiry(defaults, at)).toEqual(new Date(at + 30 * DAY));
  const lasting = inboundSchema.parse({ policy: { softBounce: { suppressDays: 0, count: 2, windowDays: 7 } } }).policy;
  expect(softSuppressionExpiry(lasting, at)).toBeNull();
  expect(softWindowStart(lasting, at)).toBe(at - 7 * DAY);
  expect(actionOf(lasting, { kind: 'bounce', bounceType: 'soft', reachesSoftLimit: true })).toBe('suppressed');
});
