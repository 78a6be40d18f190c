import type { ClassifyLimits } from './classification';

/** The same defaults as the `inbound.limits` plugin config (server/src/config/inbound.ts). */
export const DEFAULT_CLASSIFY_LIMITS: Readonly<ClassifyLimits> = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxDepth: 20,
  maxParts: 500,
  maxHeaderBytes: 256 * 1024,
  timeLimitMs: 5000,
});

export class ClassifyTimeoutError extends Error {
  constructor(readonly timeLimitMs: number) {
    super(`campaigns: classifying the message took longer than ${timeLimitMs} ms (inbound.limits.timeLimitMs)`);
    this.name = 'ClassifyTimeoutError';
  }
}

const positiveInteger = (name: keyof ClassifyLimits, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new TypeError(`campaigns: classify limit "${name}" must be a positive integer, got ${String(value)}`);
  return value;
};

export const resolveLimits = (limits: Partial<ClassifyLimits> = {}): ClassifyLimits => {
  const resolved = { ...DEFAULT_CLASSIFY_LIMITS };
  for (const name of Object.keys(DEFAULT_CLASSIFY_LIMITS) as (keyof ClassifyLimits)[])
    if (limits[name] !== undefined) resolved[name] = positiveInteger(name, limits[name]);
  return resolved;
};

/** Checked between steps of the work: a hostile message stops with an error instead of holding the worker. */
export class Deadline {
  private readonly end: number;

  constructor(private readonly timeLimitMs: number) {
    this.end = Date.now() + timeLimitMs;
  }

  check(): void {
    if (Date.now() > this.end) throw new ClassifyTimeoutError(this.timeLimitMs);
  }
}
