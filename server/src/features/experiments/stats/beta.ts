/**
 * The Beta distribution's special functions: log-gamma (Lanczos), the regularized incomplete beta
 * I_x(a, b) (the continued fraction of Numerical Recipes §6.4, evaluated with Lentz's method), and
 * its inverse by bisection. Counts of a million recipients give shapes near 10⁶: the continued
 * fraction then needs about √max(a, b) terms, so its cap is far above that.
 */
// Math's functions held in module scope: under jest's vm context every `Math.x` in a hot loop is a slow global lookup.
const { log, exp, abs, sin, PI, sqrt, max, min, log1p } = Math;

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * log(2 * PI);

export const logGamma = (x: number): number => {
  if (x < 0.5) return log(PI / abs(sin(PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i += 1) sum += LANCZOS[i] / (shifted + i);
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * log(t) - t + log(sum);
};

export const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

const TINY = 1e-300;
const EPSILON = 1e-15;
const MAX_TERMS = 1_000_000;

const continuedFraction = (a: number, b: number, x: number): number => {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m += 1) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + step * d;
    if (abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (sum + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + step * d;
    if (abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (abs(delta - 1) < EPSILON) return h;
  }
  throw new Error(`the incomplete beta's continued fraction did not converge for a=${a}, b=${b}, x=${x}`);
};

/** I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b). */
export const regularizedIncompleteBeta = (x: number, a: number, b: number): number => {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`Beta shapes must be positive, got a=${a}, b=${b}`);
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(a * log(x) + b * log1p(-x) - logBeta(a, b));
  // The fraction converges fast only below the mean; above it, the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  return x < (a + 1) / (a + b + 2) ? (front * continuedFraction(a, b, x)) / a : 1 - (front * continuedFraction(b, a, 1 - x)) / b;
};

export const betaCdf = regularizedIncompleteBeta;

/** The p-quantile of Beta(a, b), to 1e-12, by bisection within twelve standard deviations of the mean. */
export const betaQuantile = (p: number, a: number, b: number): number => {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile's probability must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  const mean = a / (a + b);
  const sd = sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  let lo = max(0, mean - 12 * sd);
  let hi = min(1, mean + 12 * sd);
  if (regularizedIncompleteBeta(lo, a, b) > p) lo = 0;
  if (regularizedIncompleteBeta(hi, a, b) < p) hi = 1;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (regularizedIncompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
};
