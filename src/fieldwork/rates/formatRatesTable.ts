import { aaporGroups } from "./aaporCounts.ts";
import { type Rate, type RateName, rateNames } from "./computeRates.ts";
import type { RatesGroup, RatesReport } from "./ratesReport.ts";

// The table splits rateNames in two: response and cooperation rates, then refusal and contact rates.
const responseColumns = rateNames.filter((name) => name.startsWith("RR") || name.startsWith("COOP"));
const refusalContactColumns = rateNames.filter((name) => name.startsWith("REF") || name.startsWith("CON"));

/** The report as aligned plain-text tables: counts, rates from invitations, opt-in figures, then the notes. */
export function formatRatesTable(report: RatesReport): string {
  const label = (group: RatesGroup) => groupLabel(report, group);
  const sections: string[] = [];
  sections.push(
    `AAPOR outcome rates for study ${report.studyId}, by ${report.by} (Standard Definitions, 10th ed.)`,
  );
  sections.push(
    "Invited sample: final dispositions\n" +
      table(
        [report.by, ...aaporGroups, "cases", "e"],
        report.groups.map((group) => [
          label(group),
          ...aaporGroups.map((name) => String(group.invited.counts[name])),
          String(group.invited.cases),
          group.invited.e.value === null ? "n/a" : group.invited.e.value.toFixed(4),
        ]),
      ),
  );
  for (const [title, columns] of [
    ["Response and cooperation rates (invited sample)", responseColumns],
    ["Refusal and contact rates (invited sample)", refusalContactColumns],
  ] as const) {
    sections.push(
      `${title}\n${table(
        [report.by, ...columns],
        report.groups.map((group) => [
          label(group),
          ...columns.map((name) => percent(group.invited.rates[name])),
        ]),
      )}`,
    );
  }
  sections.push(
    "Opt-in sample (open links, no invitation): participation only, not response rates\n" +
      table(
        [
          report.by,
          "completes",
          "partials",
          "break-offs",
          "screened out",
          "completion rate",
          "break-off rate",
        ],
        report.groups.map((group) => {
          const { counts, completionRate, breakOffRate } = group.optIn;
          return [
            label(group),
            String(counts.I),
            String(counts.P),
            String(counts.R),
            String(counts.NE),
            percent(completionRate),
            percent(breakOffRate),
          ];
        }),
      ),
  );
  sections.push(notes(report, label));
  return `${sections.join("\n\n")}\n`;
}

function groupLabel(report: RatesReport, group: RatesGroup): string {
  if (report.by === "site") return `${group.populationId}/${group.siteId ?? "(no site)"}`;
  if (report.by === "mode") return `${group.populationId}/${group.mode}`;
  return group.populationId;
}

function percent(rate: Rate): string {
  return rate.value === null ? "n/a" : `${(rate.value * 100).toFixed(1)}%`;
}

function notes(report: RatesReport, label: (group: RatesGroup) => string): string {
  const lines = ["Notes:"];
  const estimated = report.groups.find((group) => group.invited.e.source === "estimated");
  lines.push(
    estimated
      ? `- e (share of unknown-eligibility cases taken as eligible) is estimated per row as ${estimated.invited.e.formula}.`
      : `- e is given: ${report.groups[0]?.invited.e.value ?? "n/a"}.`,
  );
  for (const group of report.groups) {
    const byReason = new Map<string, RateName[]>();
    for (const [name, rate] of Object.entries(group.invited.rates) as Array<[RateName, Rate]>) {
      if (rate.value === null && rate.reason)
        byReason.set(rate.reason, [...(byReason.get(rate.reason) ?? []), name]);
    }
    for (const [reason, names] of byReason)
      lines.push(`- ${label(group)}: ${names.join(", ")} n/a: ${reason}.`);
  }
  lines.push(
    `- Not applicable to opt-in samples: RR1–RR6, COOP1–COOP4, REF1–REF3, CON1–CON3. ${report.optInNote}`,
  );
  return lines.join("\n");
}

/** Left-aligned first column, right-aligned numbers, two spaces between columns. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
