/**
 * The statistics engine: pure functions over typed arrays that agree with R's survey package.
 * frame (frameFromCsv, frameFromRows) → createDesign → rake / postStratify / trimWeights →
 * svyMean, svyTotal, svyProportions (with `by` domains and ciProportion intervals), raoScott,
 * compareDomains; runSpec runs the JSON spec of `parallax stats`.
 */
export type { CiMethod, ProportionInterval } from "./ciProportion.ts";
export { ciProportion } from "./ciProportion.ts";
export type { CompareOptions, DomainComparison } from "./compareDomains.ts";
export { compareDomains, compareDomainsByLevel } from "./compareDomains.ts";
export { createDesign } from "./createDesign.ts";
export type { Design, DesignSpec, LonelyPsu } from "./designTypes.ts";
export type { EstimateOptions, EstimateRow, ProportionOptions } from "./estimates.ts";
export { indicatorCodesEstimate, svyMean, svyProportions, svyTotal } from "./estimates.ts";
export type { CategoricalColumn, Column, ColumnGroup, Frame, NumericColumn } from "./frame.ts";
export { addColumn, categoricalColumn, createFrame, MISSING_CODE, numericColumn } from "./frame.ts";
export { frameFromCsv } from "./frameFromCsv.ts";
export type { CellValue, FrameSchema } from "./frameFromRows.ts";
export { frameFromRows } from "./frameFromRows.ts";
export type { GroupOptions, RankingRow } from "./groupEstimates.ts";
export { rankingSummary, selectMultiple, topBox } from "./groupEstimates.ts";
export type { Margin, PostStratifyOptions } from "./postStratify.ts";
export { postStratify } from "./postStratify.ts";
export type { RakeControl, RakeReport } from "./rake.ts";
export { rake } from "./rake.ts";
export type { RaoScottResult } from "./raoScott.ts";
export { raoScott } from "./raoScott.ts";
export { runSpec } from "./runSpec.ts";
export { scratchCodes } from "./scratchCodes.ts";
export type { EstimateOutput, EstimateSpec, StatsOutput, StatsSpec } from "./specTypes.ts";
export type { TrimOptions, WeightingEffect } from "./trimWeights.ts";
export { trimWeights, weightingEffect } from "./trimWeights.ts";
