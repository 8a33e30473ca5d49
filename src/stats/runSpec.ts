import { ParallaxError } from "../errors.ts";
import { compareDomains } from "./compareDomains.ts";
import { createDesign } from "./createDesign.ts";
import type { Design } from "./designTypes.ts";
import { domainDegf } from "./domains.ts";
import { type EstimateRow, svyMean, svyProportions, svyTotal } from "./estimates.ts";
import type { Frame } from "./frame.ts";
import { rankingSummary, selectMultiple, topBox } from "./groupEstimates.ts";
import { parseSpec } from "./parseSpec.ts";
import { postStratify } from "./postStratify.ts";
import { rake } from "./rake.ts";
import { raoScott } from "./raoScott.ts";
import type { EstimateOutput, EstimateSpec, SpecRow, StatsOutput } from "./specTypes.ts";
import { trimWeights, weightingEffect } from "./trimWeights.ts";

/** Runs a stats spec (the JSON of `parallax stats`) on a frame: design, calibration, trimming, estimates. */
export function runSpec(frame: Frame, specValue: unknown): StatsOutput {
  const spec = parseSpec(specValue);
  let design = createDesign(frame, spec.design);
  let calibration: StatsOutput["calibration"];
  if (spec.calibrate !== undefined) {
    const { method, margins } = spec.calibrate;
    if (method === "rake") {
      const raked = rake(design, margins, {
        epsilon: spec.calibrate.epsilon,
        maxit: spec.calibrate.maxit,
        path: "calibrate",
      });
      design = raked.design;
      calibration = { iterations: raked.report.iterations, converged: raked.report.converged };
    } else {
      design = postStratify(design, margins[0], {
        partial: spec.calibrate.partial,
        path: "calibrate.margins[0]",
      });
      calibration = { iterations: 1, converged: true };
    }
  }
  if (spec.trim !== undefined) design = trimWeights(design, spec.trim);
  const effect = weightingEffect(design.weights);
  const estimates = spec.estimates.map((estimate, index) =>
    runEstimate(design, estimate, `estimates[${index}]`),
  );
  return {
    n: frame.n,
    degf: domainDegf(design, null),
    ...(calibration === undefined ? {} : { calibration }),
    weighting: { kishDeff: effect.deff, effectiveN: effect.effectiveN },
    estimates,
  };
}

function runEstimate(design: Design, estimate: EstimateSpec, path: string): EstimateOutput {
  switch (estimate.type) {
    case "mean":
      return rowsOf(
        estimate.id,
        svyMean(design, estimate.variable, { by: estimate.by, deff: estimate.deff, path }),
      );
    case "total":
      return rowsOf(
        estimate.id,
        svyTotal(design, estimate.variable, { by: estimate.by, deff: estimate.deff, path }),
      );
    case "proportion":
      return rowsOf(estimate.id, svyProportions(design, estimate.variable, { ...estimate, path }));
    case "multiselect":
      return rowsOf(
        estimate.id,
        selectMultiple(design, groupItems(design, estimate, path), { ...estimate, path }),
      );
    case "ranking":
      return rowsOf(
        estimate.id,
        rankingSummary(design, groupItems(design, estimate, path), { by: estimate.by, path }),
      );
    case "topbox":
      return rowsOf(estimate.id, topBox(design, estimate.variable, estimate.levels, { ...estimate, path }));
    case "chisq": {
      const result = raoScott(design, estimate.rows, estimate.cols, estimate.statistic ?? "F", path);
      return {
        id: estimate.id,
        statistic: result.statistic,
        value: result.value,
        df: result.df,
        p: result.p,
      };
    }
    case "difference": {
      const result = compareDomains(design, estimate.variable, estimate.by, estimate.levels, {
        level: estimate.level,
        path,
      });
      const { levels, estimates, difference, se, t, df, p } = result;
      return { id: estimate.id, levels, estimates, difference, se, t, df, p };
    }
  }
}

function groupItems(
  design: Design,
  estimate: { variable?: string; variables?: string[] },
  path: string,
): string[] {
  if (estimate.variables !== undefined) return estimate.variables;
  const name = estimate.variable as string;
  const group = design.frame.groups.get(name);
  if (group === undefined) {
    throw new ParallaxError("SPEC_INVALID", `No question group named ${name}`, [
      {
        path: `${path}.variable`,
        message: `${name} is not a select-multiple or ranking group; list its columns in "variables"`,
      },
    ]);
  }
  return group.items;
}

function rowsOf(id: string, rows: Array<EstimateRow & { statistic?: string }>): EstimateOutput {
  return { id, rows: rows.map(({ df: _df, ...row }): SpecRow => row) };
}
