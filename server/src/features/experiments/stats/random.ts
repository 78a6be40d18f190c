/**
 * A seeded generator for the Monte Carlo figures (mulberry32: 32 bits of state, fast, and good
 * enough for sampling posteriors), so the same tallies and seed always give the same figures.
 */
// Math's functions held in module scope: under jest's vm context every `Math.x` in a hot loop is a slow global lookup.
const { sqrt, log, sin, cos, pow, imul, PI } = Math;

export const DEFAULT_SEED = 0x5eed_ab;

export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Gamma(shape, 1). */
  gamma(shape: number): number;
  /** Beta(alpha, beta). */
  beta(alpha: number, beta: number): number;
}

export const mulberry32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const createRandom = (seed: number = DEFAULT_SEED): Random => {
  const uniform = mulberry32(seed);
  let spare: number | null = null;

  // Box–Muller, keeping the second value of each pair; 1 − u keeps log away from 0.
  const normal = () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = sqrt(-2 * log(1 - uniform()));
    const angle = 2 * PI * uniform();
    spare = radius * sin(angle);
    return radius * cos(angle);
  };

  // Marsaglia and Tsang (2000); a shape below 1 is boosted by one and scaled back by u^(1/shape).
  const gamma = (shape: number): number => {
    if (!(shape > 0)) throw new RangeError(`a gamma shape must be positive, got ${shape}`);
    if (shape < 1) return gamma(shape + 1) * pow(1 - uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / sqrt(9 * d);
    for (;;) {
      const x = normal();
      const root = 1 + c * x;
      if (root <= 0) continue;
      const v = root * root * root;
      const u = 1 - uniform();
      if (u < 1 - 0.0331 * x ** 4 || log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
    }
  };

  const beta = (alpha: number, betaShape: number) => {
    const x = gamma(alpha);
    return x / (x + gamma(betaShape));
  };

  return { uniform, normal, gamma, beta };
};
