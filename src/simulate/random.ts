/** A seeded pseudo-random source: the same seed always gives the same sequence. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal. */
  normal(): number;
  /** exp(N(log(median), sigma²)): right-skewed with the given median. */
  logNormal(median: number, sigma: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number;
  /** A random version-4 UUID. */
  uuid(): string;
  /** A new independent source derived from this one. */
  fork(): Random;
}

/** mulberry32: a tiny, fast 32-bit generator, good enough for simulation and reproducible across platforms. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weightedIndex(weights) {
      let total = 0;
      for (const weight of weights) total += weight;
      let target = next() * total;
      for (let index = 0; index < weights.length; index++) {
        target -= weights[index];
        if (target < 0) return index;
      }
      return weights.length - 1;
    },
    uuid() {
      const hex: string[] = [];
      for (let index = 0; index < 16; index++) hex.push(random.int(256).toString(16).padStart(2, "0"));
      hex[6] = `4${hex[6][1]}`;
      hex[8] = ((Number.parseInt(hex[8], 16) & 0x3f) | 0x80).toString(16);
      const s = hex.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    fork: () => createRandom(Math.floor(next() * 4294967296)),
  };
  return random;
}
