import type { LoadedStudy } from "../../study/types.ts";
import { fill } from "../messages/index.ts";
import type { Methodology } from "../model/reportModel.ts";
import type { RenderContext } from "./conceptHtml.ts";
import { escapeHtml, table } from "./htmlText.ts";

/** Fieldwork, valid responses per population and site, validity rules, weighting targets, margins of error. */
export function methodologyHtml(
  study: LoadedStudy,
  methodology: Methodology,
  context: RenderContext,
): string {
  const { messages: m, labels, format } = context;
  const parts: string[] = [`<h3 id="fieldwork">${m.fieldwork}</h3>`];
  for (const population of methodology.populations) {
    const definition = study.definition.populations.find((candidate) => candidate.id === population.id);
    const rows: string[][] = [
      [
        m.dates,
        `${format.date(population.fieldwork.start)} – ${format.date(population.fieldwork.end)} (${escapeHtml(population.fieldwork.timezone)})`,
      ],
      [
        m.sites,
        escapeHtml(labels.list((definition?.sites ?? []).map((site) => labels.site(population.id, site.id)))),
      ],
      [m.modes, escapeHtml(labels.list(population.modes.map((mode) => m.modeNames[mode] ?? mode)))],
      [
        m.languages,
        escapeHtml(labels.list(population.languages.map((language) => labels.languageName(language)))),
      ],
      [
        m.eligibility,
        population.eligibility ? `<code>${escapeHtml(population.eligibility)}</code>` : m.everyone,
      ],
      [m.stored, format.integer(population.stored)],
      [m.screenedOut, format.integer(population.screenedOut)],
      [`${m.valid} (${m.unweighted})`, `<strong>${format.integer(population.valid)}</strong>`],
      [m.completionRate, population.completionRate === null ? "–" : format.share(population.completionRate)],
      [m.marginOfError, `±${format.decimal(population.marginOfError * 100)}`],
    ];
    parts.push(
      `<h4>${escapeHtml(labels.population(population.id))}</h4>`,
      table([m.population, escapeHtml(labels.population(population.id))], rows, "facts"),
    );
    parts.push(
      `<p class="note">${escapeHtml(fill(m.marginOfErrorText, { moe: format.decimal(population.marginOfError * 100) }))}</p>`,
    );
  }
  parts.push(`<p class="note">${escapeHtml(m.responseRateNote)}</p>`);
  parts.push(
    `<h4>${m.valid}: ${m.sites}</h4>`,
    table(
      [
        m.population,
        m.sites,
        `<span class="num">${m.stored}</span>`,
        `<span class="num">${m.valid}</span>`,
        `<span class="num">${m.target}</span>`,
      ],
      methodology.sites.map((site) => [
        escapeHtml(labels.population(site.population)),
        escapeHtml(labels.site(site.population, site.site)),
        format.integer(site.responses),
        format.integer(site.valid),
        site.target === null ? "–" : format.integer(site.target),
      ]),
    ),
  );
  parts.push(`<h3 id="validity">${m.validity}</h3><p>${escapeHtml(m.validityText)}</p>`);
  parts.push(
    table(
      [m.rule, m.flagged],
      methodology.rules.map((rule) => [
        escapeHtml(m.ruleNames[rule.rule] ?? rule.rule),
        format.integer(rule.flagged),
      ]),
    ),
  );
  const trim = methodology.weighting.find((summary) => summary.trimmedAt !== null)?.trimmedAt;
  parts.push(
    `<h3 id="weighting">${m.weighting}</h3><p>${escapeHtml(fill(m.weightingText, { trim: trim ? format.decimal(trim, 0) : "–" }))}</p>`,
  );
  for (const summary of methodology.weighting) {
    if (!summary.weighted) continue;
    const rows = summary.margins.flatMap((margin) =>
      Object.entries(margin.targets).map(([level, share], index) => [
        index === 0 ? escapeHtml(m.variableNames[margin.variable] ?? margin.variable) : "",
        escapeHtml(marginLevel(labels, summary.population, margin.variable, level)),
        format.share(margin.sample[level] ?? 0),
        format.share(share),
        index === 0 ? `<span class="note">${escapeHtml(margin.source)}</span>` : "",
      ]),
    );
    parts.push(`<h4>${escapeHtml(labels.population(summary.population))}</h4>`);
    parts.push(table([m.variable, m.level, m.sampleShare, m.populationShare, m.source], rows, "weights"));
    parts.push(
      `<p class="note">${m.designEffect}: ${format.decimal(summary.deff, 2)} · ${m.effectiveSize}: ${format.integer(Math.round(summary.effectiveN))} · ${escapeHtml(fill(m.weightRange, { min: format.decimal(summary.minWeight, 2), max: format.decimal(summary.maxWeight, 2) }))}</p>`,
    );
  }
  return parts.join("\n");
}

function marginLevel(
  labels: RenderContext["labels"],
  population: string,
  variable: string,
  level: string,
): string {
  if (variable === "site") return labels.site(population, level);
  if (variable === "age") return level;
  const value = labels.value(variable, level);
  return value;
}
