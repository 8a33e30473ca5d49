import type { QualityConfig } from "../../src/quality/qualityConfig.ts";
import { incompleteRule } from "../../src/quality/rules/incompleteRule.ts";
import { ineligibleRule } from "../../src/quality/rules/ineligibleRule.ts";
import { createScreenContext } from "../../src/quality/screenContext.ts";
import type { ScreenedResponse } from "../../src/quality/types.ts";
import type { LoadedStudy } from "../../src/study/types.ts";

/** The subsets runScreen hands its rules (known, eligible, completed), for benchmarks that time one rule alone. */
export function screenSubsets(study: LoadedStudy, quality: QualityConfig, responses: ScreenedResponse[]) {
  const context = createScreenContext(study, quality);
  const known = responses.filter((response) => context.populations.has(response.population));
  const ineligible = new Set(ineligibleRule(known, context).map((flag) => flag.id));
  const eligible = known.filter((response) => !ineligible.has(response.id));
  const broken = new Set(incompleteRule(eligible, context).map((flag) => flag.id));
  const completed = eligible.filter((response) => !broken.has(response.id));
  return { context, known, eligible, completed };
}
