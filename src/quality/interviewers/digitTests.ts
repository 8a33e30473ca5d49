/** Benford's expected share of first digit d (1–9): log10(1 + 1/d). */
export const benfordShares = Array.from({ length: 9 }, (_, index) => Math.log10(1 + 1 / (index + 1)));

/**
 * Mean absolute deviation of the first-digit shares from Benford's law (Nigrini's conformity measure):
 * about 0.006 conforms closely, above 0.015 does not. Undefined with fewer than 10 positive numbers.
 */
export function benfordDeviation(values: number[]): number | undefined {
  const counts = new Array<number>(9).fill(0);
  let total = 0;
  for (const value of values) {
    const digit = firstDigit(value);
    if (digit === undefined) continue;
    counts[digit - 1]++;
    total++;
  }
  if (total < 10) return undefined;
  return counts.reduce((sum, count, index) => sum + Math.abs(count / total - benfordShares[index]), 0) / 9;
}

function firstDigit(value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const digit = Number(value.toExponential()[0]);
  return digit >= 1 && digit <= 9 ? digit : undefined;
}

/**
 * Heaping on round numbers: the share of integers ending in 0 or 5, less the 20% expected when last digits
 * are uniform. Invented ages and counts heap; remembered ones rarely do.
 */
export function roundLastDigitExcess(values: number[]): number | undefined {
  const integers = values.filter((value) => Number.isInteger(value));
  if (integers.length === 0) return undefined;
  const round = integers.filter((value) => Math.abs(value) % 5 === 0).length;
  return round / integers.length - 0.2;
}
