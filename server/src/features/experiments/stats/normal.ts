/**
 * The standard normal distribution's tails to double precision: Hart's (1968) algorithm 5666 as
 * given by West, "Better approximations to cumulative normal functions" (Wilmott, 2005), accurate
 * to about 1e-15 everywhere. The lower tail is computed directly rather than as 1 − Φ, so small
 * p-values keep their digits.
 */
export const normalLowerTail = (z: number): number => {
  if (Number.isNaN(z)) return Number.NaN;
  const x = Math.abs(z);
  let tail: number;
  if (x > 37) tail = 0;
  else {
    const exponential = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
      let numerator = 3.52624965998911e-2 * x + 0.700383064443688;
      numerator = numerator * x + 6.37396220353165;
      numerator = numerator * x + 33.912866078383;
      numerator = numerator * x + 112.079291497871;
      numerator = numerator * x + 221.213596169931;
      numerator = numerator * x + 220.206867912376;
      let denominator = 8.83883476483184e-2 * x + 1.75566716318264;
      denominator = denominator * x + 16.064177579207;
      denominator = denominator * x + 86.7807322029461;
      denominator = denominator * x + 296.564248779674;
      denominator = denominator * x + 637.333633378831;
      denominator = denominator * x + 793.826512519948;
      denominator = denominator * x + 440.413735824752;
      tail = (exponential * numerator) / denominator;
    } else {
      let fraction = x + 0.65;
      fraction = x + 4 / fraction;
      fraction = x + 3 / fraction;
      fraction = x + 2 / fraction;
      fraction = x + 1 / fraction;
      tail = exponential / fraction / 2.506628274631;
    }
  }
  return z > 0 ? 1 - tail : tail;
};

/** Φ(z), the standard normal CDF. */
export const normalCdf = normalLowerTail;

/** 1 − Φ(z), computed as Φ(−z) so it keeps its digits far in the tail. */
export const normalUpperTail = (z: number): number => normalLowerTail(-z);

/** Φ⁻¹(0.975): the half-width of a two-sided 95% interval in standard errors. */
export const Z_95 = 1.959963984540054;
