import type { BarDatum } from "../charts/chartSpecs.ts";
import type { ChartRenderer } from "../charts/renderChart.ts";
import { fill } from "../messages/index.ts";
import type { ReportMessages } from "../messages/messages.ts";
import type { ConceptSection, Estimate } from "../model/reportModel.ts";
import type { ReportFormat } from "../render/reportFormat.ts";
import type { ReportLabels } from "../render/reportLabels.ts";
import { escapeHtml, figure, table } from "./htmlText.ts";

export interface RenderContext {
  messages: ReportMessages;
  labels: ReportLabels;
  format: ReportFormat;
  charts: ChartRenderer;
}

function bar(category: string, group: string, estimate: Estimate, format: ReportFormat): BarDatum {
  return {
    category,
    group,
    estimate: estimate.estimate,
    low: estimate.ci[0],
    high: estimate.ci[1],
    label: format.share(estimate.estimate),
  };
}

function shareCell(estimate: Estimate | null | undefined, format: ReportFormat): string {
  if (!estimate) return "–";
  return `<span class="nw">${format.share(estimate.estimate)}</span> <span class="note nw">(${format.shareNumber(estimate.ci[0])}–${format.shareNumber(estimate.ci[1])})</span>`;
}

/** One concept: the mirrored question side by side, differences, sites, keywords or ranking. */
export async function conceptHtml(
  section: ConceptSection,
  anchor: string,
  context: RenderContext,
): Promise<string> {
  const { messages: m, labels, format, charts } = context;
  const names = section.populations.map((population) => labels.population(population));
  const parts: string[] = [
    `<section class="concept" id="${anchor}"><h3>${escapeHtml(labels.concept(section.id))}</h3>`,
  ];
  for (const population of section.populations) {
    const wording = labels.question(section.id, population);
    if (wording)
      parts.push(
        `<p class="question">${escapeHtml(labels.population(population))}: “${escapeHtml(wording)}”</p>`,
      );
  }
  const weightedNote = `${m.weighted}; ${m.ci}; ${m.base}: ${section.populations
    .map(
      (population) =>
        `${escapeHtml(labels.population(population))} ${format.integer(baseOf(section, population))}`,
    )
    .join(", ")}`;
  if (section.kind === "single" || section.kind === "multiple") {
    const data = section.rows.flatMap((row) =>
      section.populations.flatMap((population, k) => {
        const estimate = row.byPopulation[population];
        return estimate ? [bar(labels.value(section.id, row.value), names[k], estimate, format)] : [];
      }),
    );
    parts.push(figure(await charts.bars("groupedBars", names, data), escapeHtml(weightedNote), "shares"));
    parts.push(valueTable(section, context));
  } else if (section.kind === "numeric") {
    const row = section.rows[0];
    const cells = section.populations.map((population) => {
      const estimate = row?.byPopulation[population];
      return estimate
        ? `${format.decimal(estimate.estimate)} <span class="note">(${format.decimal(estimate.ci[0])}–${format.decimal(estimate.ci[1])})</span>`
        : "–";
    });
    const difference = row?.difference
      ? [format.decimal(row.difference.difference), format.p(row.difference.p)]
      : ["–", "–"];
    parts.push(
      table(
        [m.mean, ...names.map(escapeHtml), m.difference, m.pValue],
        [[`${m.mean} (${m.weighted})`, ...cells, ...difference]],
      ),
    );
  } else if (section.kind === "ranking" && section.ranking) {
    const data = section.ranking.items.flatMap((item) =>
      section.populations.flatMap((population, k) => {
        const stats = item.byPopulation[population];
        return stats ? [bar(labels.value(section.id, item.item), names[k], stats.shareFirst, format)] : [];
      }),
    );
    parts.push(
      figure(
        await charts.bars("groupedBars", names, data),
        escapeHtml(`${m.rankedFirst} — ${weightedNote}`),
        "ranking",
      ),
    );
    const rows = section.ranking.items.map((item) => [
      escapeHtml(labels.value(section.id, item.item)),
      ...section.populations.map((population) => {
        const stats = item.byPopulation[population];
        return stats
          ? `${format.decimal(stats.meanRank.estimate)} · ${shareCell(stats.shareFirst, format)}`
          : "–";
      }),
    ]);
    parts.push(
      table(
        [m.answer, ...names.map((name) => `${escapeHtml(name)}: ${m.meanRank} · ${m.rankedFirst}`)],
        rows,
      ),
    );
    const leaders = section.ranking.leaders.map((leader) => [
      escapeHtml(labels.population(leader.population)),
      escapeHtml(labels.site(leader.population, leader.site)),
      escapeHtml(labels.value(section.id, leader.item)),
      shareCell(leader.share, format),
    ]);
    parts.push(
      `<h4>${m.leaderBySite}</h4>`,
      table([m.population, m.sites, m.rankedFirst, m.weighted], leaders),
    );
  } else if (section.kind === "open") {
    for (const ranking of section.keywords) {
      const name = labels.population(ranking.population);
      const data = ranking.rows.map((row) =>
        bar(row.label[labels.language] ?? row.label.en ?? row.code, name, row.estimate, format),
      );
      const caption = `${escapeHtml(name)} — ${fill(m.keywordBase, { n: format.integer(ranking.answered) })} (${m.weighted}, ${m.ci})`;
      parts.push(`<h4>${m.keywords}: ${escapeHtml(name)}</h4>`);
      parts.push(
        data.length > 0
          ? figure(await charts.bars("bars", [name], data), caption, "keywords")
          : `<p>${m.noData}</p>`,
      );
    }
    for (const population of section.uncoded)
      parts.push(
        `<p class="note">${escapeHtml(fill(m.noCodebook, { population: labels.population(population) }))}</p>`,
      );
  }
  for (const breakdown of section.sites) parts.push(await siteHtml(section, breakdown, context));
  parts.push("</section>");
  return parts.join("\n");
}

function baseOf(section: ConceptSection, population: string): number {
  const fromRows = section.rows.find((row) => row.byPopulation[population])?.byPopulation[population]?.n;
  const fromRanking = section.ranking?.items.find((item) => item.byPopulation[population])?.byPopulation[
    population
  ]?.shareFirst.n;
  return fromRows ?? fromRanking ?? 0;
}

function valueTable(section: ConceptSection, context: RenderContext): string {
  const { messages: m, labels, format } = context;
  const pair = section.populations.length === 2;
  const header = [
    m.answer,
    ...section.populations.map(
      (population) => `${escapeHtml(labels.population(population))} (${m.weighted}, ${m.ci})`,
    ),
  ];
  if (pair) header.push(m.difference, m.pValue);
  const rows = section.rows.map((row) => {
    const cells = [
      escapeHtml(labels.value(section.id, row.value)),
      ...section.populations.map((population) => shareCell(row.byPopulation[population], format)),
    ];
    if (pair) {
      const significant = row.difference !== null && row.difference.p < 0.05;
      cells.push(
        row.difference
          ? `<span class="${significant ? "sig" : ""}">${format.points(row.difference.difference)}</span>`
          : "–",
      );
      cells.push(row.difference ? `<span class="nw">${format.p(row.difference.p)}</span>` : "–");
    }
    return cells;
  });
  const note = pair
    ? `<p class="note">${escapeHtml(fill(m.differenceNote, { first: labels.population(section.populations[0]), second: labels.population(section.populations[1]) }))}</p>`
    : "";
  return table(header, rows) + note;
}

async function siteHtml(
  section: ConceptSection,
  breakdown: ConceptSection["sites"][number],
  context: RenderContext,
): Promise<string> {
  const { messages: m, labels, format, charts } = context;
  if (breakdown.rows.length === 0) return "";
  const answer = labels.values(section.id, breakdown.values);
  const groups = [...new Set(breakdown.rows.map((row) => row.population))];
  const names = groups.map((population) => labels.population(population));
  const data = breakdown.rows.map((row) =>
    bar(labels.site(row.population, row.site), labels.population(row.population), row.estimate, format),
  );
  const tests = breakdown.tests.map((test) => {
    const line = fill(m.siteTest, {
      population: labels.population(test.population),
      f: format.decimal(test.f, 2),
      p: format.p(test.p),
    });
    return `<p class="test ${test.p < 0.05 ? "sig" : ""}">${escapeHtml(line)}${test.p < 0.05 ? " *" : ` (${m.notSignificant})`}</p>`;
  });
  const caption = `${escapeHtml(fill(m.bySite, { answer }))} — ${m.weighted}, ${m.ci}`;
  return `<h4>${escapeHtml(fill(m.bySite, { answer }))}</h4>${figure(await charts.bars("bars", names, data), caption, "sites")}${tests.join("")}`;
}
