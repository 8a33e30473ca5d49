import { aggregateLinearize, mergesUnits } from "./aggregateLinearize.ts";
import type { Design } from "./designTypes.ts";
import { scratchCodes } from "./scratchCodes.ts";

/** The means of one outcome in two domains and their 2 x 2 covariance (row-major). */
export interface JointDomainMeans {
  estimates: [number, number];
  covariance: Float64Array;
}

/**
 * The means in two domains of outcomes that are functions of one few-valued code, with each outcome's joint
 * covariance across the domains, from the shares of the (domain, code) cells among rows in either domain,
 * estimated in one pass over rows merged into unit classes. Outcome `values` gives y for each code; the
 * mean of domain d is Σ_l v_l p_dl / s_d (s_d = Σ_l p_dl), whose estimating function Σ_l (v_l - m_d) z_dl
 * / s_d is exactly w 1{d} (y - m_d) / W_d: the same linearisation as the row-wise one. `codeOf(i)` is row
 * i's code in [0, nCodes) (-1 or NaN when missing), `domainOf(i)` is 0, 1 or -1 (in neither). Null when the
 * one-pass estimator does not apply, or when the "average" lonely-PSU rule would count strata differently.
 */
export function jointDomainMeans(
  design: Design,
  nCodes: number,
  outcomes: Float64Array[],
  codeOf: (i: number) => number,
  domainOf: (i: number) => number,
): JointDomainMeans[] | null {
  if (design.lonelyPsu === "average" && design.calibration.length === 0) return null;
  if (!mergesUnits(design)) return null;
  const cells = scratchCodes("jointDomainMeans", design.n);
  for (let i = 0; i < design.n; i++) {
    const domain = domainOf(i);
    const code = domain < 0 ? -1 : codeOf(i);
    // A missing code may be NaN (a column of whole numbers used as its own codes).
    cells[i] = code >= 0 ? domain * nCodes + code : -1;
  }
  const means = outcomes.map(() => [Number.NaN, Number.NaN] as [number, number]);
  // The gradient of domain d's mean in the cell shares: (v_l - m_d) / s_d on its own cells, 0 elsewhere.
  const gradients = (shares: Float64Array) =>
    outcomes.flatMap((values, k) =>
      [0, 1].map((domain) => {
        let share = 0;
        let sum = 0;
        for (let l = 0; l < nCodes; l++) {
          share += shares[domain * nCodes + l];
          sum += values[l] * shares[domain * nCodes + l];
        }
        const mean = sum / share;
        means[k][domain] = mean;
        const gradient = new Float64Array(2 * nCodes);
        for (let l = 0; l < nCodes; l++) gradient[domain * nCodes + l] = (values[l] - mean) / share;
        return gradient;
      }),
    );
  const source = { codes: cells, nLevels: 2 * nCodes };
  const joint = aggregateLinearize(design, source, null, "mean", false, gradients);
  if (joint === null) return null;
  const p = 2 * outcomes.length;
  return means.map((estimates, k) => {
    const [a, b] = [2 * k, 2 * k + 1];
    const covariance = Float64Array.of(
      joint.covariance[a * p + a],
      joint.covariance[a * p + b],
      joint.covariance[b * p + a],
      joint.covariance[b * p + b],
    );
    return { estimates, covariance };
  });
}
