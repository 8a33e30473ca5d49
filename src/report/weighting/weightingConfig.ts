import { ParallaxError } from "../../errors.ts";

export interface AgeBand {
  id: string;
  min: number;
  max: number;
}

/** One raking margin: a question's answers (or its numeric bands) and the population share of each level. */
export interface WeightingMargin {
  variable: string;
  question: string;
  bands?: AgeBand[];
  /** Shares by level; "siteTargets" takes the shares from the sites' targets in study.json. */
  targets: Record<string, number> | "siteTargets";
  source: string;
}

export interface PopulationWeighting {
  margins: WeightingMargin[];
  /** Weights above `upper` times the mean weight are trimmed. */
  trim?: { upper: number };
}

export interface WeightingConfig {
  about?: string;
  populations: Record<string, PopulationWeighting>;
}

/** Checks a parsed weighting.json; every problem is named by its JSON path in `file`. */
export function parseWeightingConfig(value: unknown, file: string): WeightingConfig {
  const problems: Array<{ path: string; message: string }> = [];
  const problem = (path: string, message: string) => problems.push({ path: `${file} ${path}`, message });
  const root = value as Record<string, unknown> | null;
  if (
    typeof root !== "object" ||
    root === null ||
    typeof root.populations !== "object" ||
    !root.populations
  ) {
    problem("$.populations", "must be an object with one entry per population");
    throw invalid(file, problems);
  }
  const populations = root.populations as Record<string, unknown>;
  for (const [id, entry] of Object.entries(populations)) {
    const base = `$.populations.${id}`;
    const margins = (entry as { margins?: unknown })?.margins;
    if (!Array.isArray(margins)) {
      problem(`${base}.margins`, "must be a list of margins");
      continue;
    }
    for (const [index, margin] of (margins as Array<Record<string, unknown>>).entries())
      checkMargin(margin, `${base}.margins[${index}]`, problem);
    const trim = (entry as { trim?: { upper?: unknown } }).trim;
    if (trim !== undefined && !(typeof trim.upper === "number" && trim.upper > 1))
      problem(`${base}.trim.upper`, "must be a number above 1 (a multiple of the mean weight)");
  }
  if (problems.length > 0) throw invalid(file, problems);
  return root as unknown as WeightingConfig;
}

function checkMargin(
  margin: Record<string, unknown>,
  path: string,
  problem: (path: string, message: string) => void,
): void {
  if (typeof margin?.variable !== "string") problem(`${path}.variable`, "must be a name");
  if (typeof margin?.question !== "string") problem(`${path}.question`, "must name a question");
  if (typeof margin?.source !== "string" || margin.source.trim() === "")
    problem(`${path}.source`, "every target needs its source");
  const targets = margin?.targets;
  if (targets !== "siteTargets") {
    if (typeof targets !== "object" || targets === null) {
      problem(`${path}.targets`, 'must be shares by level or "siteTargets"');
      return;
    }
    let sum = 0;
    for (const [level, share] of Object.entries(targets)) {
      if (typeof share !== "number" || !(share >= 0))
        problem(`${path}.targets.${level}`, "must be a share ≥ 0");
      else sum += share;
    }
    if (Math.abs(sum - 1) > 0.005) problem(`${path}.targets`, `shares sum to ${sum.toFixed(3)}, not 1`);
  }
  if (margin?.bands !== undefined) {
    const bands = margin.bands as AgeBand[];
    if (!Array.isArray(bands) || bands.some((band) => typeof band.id !== "string" || !(band.min <= band.max)))
      problem(`${path}.bands`, "must be a list of { id, min, max } with min ≤ max");
  }
}

function invalid(file: string, details: Array<{ path: string; message: string }>): ParallaxError {
  return new ParallaxError("SPEC_INVALID", `${file} is not a valid weighting file`, details);
}
