/**
 * The populations a second thread should screen while the first reads every response (see loadAndScreen).
 * The first thread reads all N responses and screens the rest; the second reads and screens its share W. With
 * reading costing r and screening s per response, both finish together at W = N·(r + s)/(r + 2s); measured on
 * a million stored responses r ≈ 22 µs and s ≈ 26 µs, so the second thread should take about 65%. Whole
 * populations only (the screen judges a response against its own population), chosen largest first while that
 * brings the share closer. Below `minimum` responses a thread's start costs more than it saves: none.
 */
export function secondThreadPopulations(
  storedByPopulation: ReadonlyMap<string, number>,
  minimum: number,
): string[] {
  const total = [...storedByPopulation.values()].reduce((sum, count) => sum + count, 0);
  if (storedByPopulation.size < 2 || total < minimum || total === 0) return [];
  const target = secondThreadShare * total;
  const chosen: string[] = [];
  let share = 0;
  const largestFirst = [...storedByPopulation].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [population, count] of largestFirst)
    if (Math.abs(share + count - target) < Math.abs(share - target)) {
      chosen.push(population);
      share += count;
    }
  // The first thread must keep a population of its own, or it would only wait.
  return chosen.length === storedByPopulation.size ? chosen.slice(1) : chosen;
}

export const secondThreadShare = 0.65;
