import { qbeta, qt } from "./distributions.ts";

export type CiMethod = "logit" | "xlogit" | "mean" | "beta" | "asin" | "wilson";

export interface ProportionInterval {
  estimate: number;
  se: number;
  /** Design degrees of freedom (degf of the design or domain). */
  df: number;
  /** Rows of the design, as nrow() counts them (the beta method's effective-size correction uses it). */
  rows: number;
  method?: CiMethod;
  level?: number;
}

/**
 * A confidence interval for a proportion as svyciprop computes it, with t on the design's degrees
 * of freedom. "logit" (the default) and "xlogit" are the Wald interval on the logit scale (svyglm
 * and svycontrast give the same), "beta" is Korn–Graubard with svyciprop's effective sample size,
 * "mean" the Wald interval on the proportion, "asin" on the arcsine square root. svyciprop has no
 * "wilson": here it is the Wilson score interval on the effective sample size p(1-p)/se², with the
 * same t quantile in place of z.
 */
export function ciProportion(input: ProportionInterval): [number, number] {
  const { estimate: p, se, df, rows } = input;
  const level = input.level ?? 0.95;
  const method = input.method ?? "logit";
  const alpha = 1 - level;
  const t = -qt(alpha / 2, df);
  const degenerate = p <= 0 || p >= 1 || se === 0;
  if (degenerate && method !== "mean") return [p, p];
  switch (method) {
    case "logit":
    case "xlogit": {
      const centre = Math.log(p / (1 - p));
      const half = (t * se) / (p * (1 - p));
      return [expit(centre - half), expit(centre + half)];
    }
    case "mean":
      return [p - t * se, p + t * se];
    case "asin": {
      const centre = Math.asin(Math.sqrt(p));
      const half = (t * se) / (2 * Math.sqrt(p * (1 - p)));
      return [Math.sin(centre - half) ** 2, Math.sin(centre + half) ** 2];
    }
    case "beta": {
      const ratio = qt(alpha / 2, rows - 1) / qt(alpha / 2, df);
      const effective = ((p * (1 - p)) / (se * se)) * ratio * ratio;
      return [
        qbeta(alpha / 2, effective * p, effective * (1 - p) + 1),
        qbeta(1 - alpha / 2, effective * p + 1, effective * (1 - p)),
      ];
    }
    case "wilson": {
      const effective = (p * (1 - p)) / (se * se);
      const t2 = t * t;
      const denominator = 1 + t2 / effective;
      const centre = (p + t2 / (2 * effective)) / denominator;
      const half =
        (t * Math.sqrt((p * (1 - p)) / effective + t2 / (4 * effective * effective))) / denominator;
      return [centre - half, centre + half];
    }
  }
}

function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
