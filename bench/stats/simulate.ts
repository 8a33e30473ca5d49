/**
 * A seeded synthetic survey shaped like the benchmark in issue 5: countries as strata, PSUs within
 * them, age × sex × education for raking, yes/no items and a numeric score. Returns CSV text.
 */
export const COUNTRIES = ["AR", "BR", "CL", "CN", "MX", "PE"];
export const AGES = ["18-29", "30-39", "40-49", "50-64", "65+"];
export const SEXES = ["F", "M"];
export const EDUCATION = ["none", "primary", "secondary", "tertiary"];

/** mulberry32: small, fast and good enough for simulated data. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number, cumulative: number[]): number {
  const u = random();
  let k = 0;
  while (k < cumulative.length - 1 && u > cumulative[k]) k++;
  return k;
}

export function simulateCsv(rows: number, items: number, psus: number, seed: number): string {
  const random = randomSource(seed);
  const psuPerCountry = psus / COUNTRIES.length;
  const psuEffect = Array.from({ length: psus }, () => (random() - 0.5) * 1.5);
  const itemBase = Array.from({ length: items }, (_, k) => -1 + (2 * k) / Math.max(1, items - 1));
  const header = [
    "country",
    "psu",
    "age",
    "sex",
    "edu",
    "pw",
    ...Array.from({ length: items }, (_, k) => `q${k + 1}`),
    "score",
  ];
  const lines: string[] = [header.join(",")];
  const ageCumulative = [0.22, 0.42, 0.62, 0.85, 1];
  const eduCumulative = [0.1, 0.35, 0.75, 1];
  for (let i = 0; i < rows; i++) {
    const psu = Math.floor((i * psus) / rows);
    const country = Math.floor(psu / psuPerCountry);
    const age = pick(random, ageCumulative);
    const sex = random() < 0.52 ? 0 : 1;
    const edu = pick(random, eduCumulative);
    const weight = (50 + 40 * country) * (0.5 + random());
    const fields: Array<string | number> = [
      COUNTRIES[country],
      psu + 1,
      AGES[age],
      SEXES[sex],
      EDUCATION[edu],
      weight.toFixed(3),
    ];
    const lean = psuEffect[psu] + 0.3 * sex - 0.2 * edu;
    for (let k = 0; k < items; k++) {
      const p = 1 / (1 + Math.exp(-(itemBase[k] + lean)));
      fields.push(random() < p ? "yes" : "no");
    }
    fields.push((50 + 8 * psuEffect[psu] + 2 * edu + 20 * (random() - 0.5)).toFixed(2));
    lines.push(fields.join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Population margins for raking: proportional to the sample's, scaled to 120 million people. */
export function rakingMargins() {
  const scale = 120_000_000;
  const share = (shares: number[], labels: string[]) =>
    Object.fromEntries(labels.map((label, k) => [label, Math.round(scale * shares[k])]));
  return [
    { variable: "age", targets: share([0.2, 0.2, 0.2, 0.25, 0.15], AGES) },
    { variable: "sex", targets: share([0.49, 0.51], SEXES) },
    { variable: "edu", targets: share([0.12, 0.3, 0.38, 0.2], EDUCATION) },
  ];
}
