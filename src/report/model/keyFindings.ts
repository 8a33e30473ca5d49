import type { ConceptSection, Fact } from "./reportModel.ts";

const SHARES_PER_POPULATION = 3;
const DIFFERENCES = 4;
const SITE_FINDINGS = 4;
const SIGNIFICANT = 0.05;
/** Answers that say nothing about the other region are not findings. */
const NON_SUBSTANTIVE = new Set(["dont_know", "none", "other", "uncertain"]);

/**
 * The key findings, as facts the renderer words in the report's language: the largest shares in each
 * population, the largest significant differences between the mirrored populations, the clearest
 * differences between sites, the item ranked first and the most frequent keyword. Demographic (weighting)
 * concepts are left out.
 */
export function keyFindings(sections: ConceptSection[], populations: string[]): Fact[] {
  const substantive = sections.filter((section) => !section.weightingVariable);
  const facts: Fact[] = [];
  for (const population of populations) {
    const candidates: Fact[] = [];
    for (const section of substantive) {
      if (section.headline) {
        const estimate = section.headline.byPopulation[population];
        if (estimate)
          candidates.push({
            kind: "share",
            population,
            concept: section.id,
            values: section.headline.values,
            estimate,
          });
      } else if (section.kind === "multiple") {
        for (const row of section.rows) {
          const estimate = row.byPopulation[population];
          if (estimate && !NON_SUBSTANTIVE.has(row.value))
            candidates.push({
              kind: "share",
              population,
              concept: section.id,
              values: [row.value],
              estimate,
            });
        }
      }
    }
    candidates.sort((a, b) => shareOf(b) - shareOf(a) || a.concept.localeCompare(b.concept));
    facts.push(...distinctConcepts(candidates).slice(0, SHARES_PER_POPULATION));
  }
  if (populations.length === 2) {
    const pair = populations as [string, string];
    const differences: Fact[] = [];
    for (const section of substantive) {
      const options =
        section.headline !== null
          ? [
              {
                values: section.headline.values,
                byPopulation: section.headline.byPopulation,
                difference: section.headline.difference,
              },
            ]
          : section.kind === "multiple"
            ? section.rows
                .filter((row) => !NON_SUBSTANTIVE.has(row.value))
                .map((row) => ({ values: [row.value], ...row }))
            : [];
      for (const option of options) {
        const [a, b] = pair.map((population) => option.byPopulation[population]);
        if (!a || !b || !option.difference || option.difference.p >= SIGNIFICANT) continue;
        differences.push({
          kind: "difference",
          concept: section.id,
          values: option.values,
          populations: pair,
          estimates: [a, b],
          difference: option.difference,
        });
      }
    }
    differences.sort((x, y) => magnitude(y) - magnitude(x) || x.concept.localeCompare(y.concept));
    facts.push(...distinctConcepts(differences).slice(0, DIFFERENCES));
  }
  const siteFacts: Fact[] = [];
  for (const section of substantive) {
    for (const breakdown of section.sites) {
      for (const test of breakdown.tests) {
        if (!(test.p < SIGNIFICANT)) continue;
        const rows = breakdown.rows.filter((row) => row.population === test.population);
        if (rows.length < 2) continue;
        const sorted = [...rows].sort((a, b) => b.estimate.estimate - a.estimate.estimate);
        siteFacts.push({
          kind: "sites",
          population: test.population,
          concept: section.id,
          values: breakdown.values,
          test,
          highest: sorted[0],
          lowest: sorted[sorted.length - 1],
        });
      }
    }
  }
  siteFacts.sort((x, y) => spread(y) - spread(x) || x.concept.localeCompare(y.concept));
  facts.push(...distinctConcepts(siteFacts).slice(0, SITE_FINDINGS));
  for (const section of substantive) {
    if (section.ranking) {
      for (const population of section.populations) {
        const leader = [...section.ranking.items]
          .filter((item) => item.byPopulation[population])
          .sort(
            (a, b) =>
              (b.byPopulation[population]?.shareFirst.estimate ?? 0) -
              (a.byPopulation[population]?.shareFirst.estimate ?? 0),
          )[0];
        const stats = leader?.byPopulation[population];
        if (!leader || !stats) continue;
        const exceptions = section.ranking.leaders
          .filter((site) => site.population === population && site.item !== leader.item)
          .map((site) => site.site);
        facts.push({
          kind: "rankedFirst",
          population,
          concept: section.id,
          item: leader.item,
          estimate: stats.shareFirst,
          exceptions,
        });
      }
    }
    for (const ranking of section.keywords) {
      const top = ranking.rows[0];
      if (top)
        facts.push({
          kind: "keyword",
          population: ranking.population,
          concept: section.id,
          code: top.code,
          label: top.label,
          estimate: top.estimate,
        });
    }
  }
  return facts;
}

function shareOf(fact: Fact): number {
  return fact.kind === "share" ? fact.estimate.estimate : 0;
}

function magnitude(fact: Fact): number {
  return fact.kind === "difference" ? Math.abs(fact.difference.difference) : 0;
}

function spread(fact: Fact): number {
  return fact.kind === "sites" ? fact.highest.estimate.estimate - fact.lowest.estimate.estimate : 0;
}

/** One finding per concept (and population), so a single question does not fill the list. */
function distinctConcepts(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.concept}/${"population" in fact ? fact.population : ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
