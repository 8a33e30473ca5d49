import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { parseQualityConfig, runScreen, validResponses } from "../src/quality/index.ts";
import { articleFindings, articleValidResponses } from "../src/simulate/articleFindings.ts";
import { simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";

const study = await readStudyFolder("examples/china-lac");
const quality = parseQualityConfig(JSON.parse(readFileSync("examples/china-lac/quality.json", "utf8")));
// The demo as `parallax simulate` makes it: default counts and faults, two fabricating interviewers.
const simulation = simulateFieldwork(study, { seed: 1, quality, fabricatingInterviewers: 2, exact: true });
const flags = runScreen(study, simulation.responses, quality).flags;
const valid = validResponses(simulation.responses, flags);

describe("the simulated demo fieldwork", () => {
  it("keeps exactly the article's valid counts after screening, with the faults on top", () => {
    expect(simulation.responses.length).toBeGreaterThan(5472 + 500);
    expect(valid.filter((response) => response.population === "china")).toHaveLength(
      articleValidResponses.china,
    );
    expect(valid.filter((response) => response.population === "lac")).toHaveLength(articleValidResponses.lac);
    expect(valid.every((response) => !simulation.truth.has(response.id))).toBe(true);
  });

  it.each(articleFindings.map((finding, index) => ({ ...finding, index })))(
    "reproduces finding $index: $population $site $question",
    (finding) => {
      const group = valid.filter(
        (response) =>
          response.population === finding.population &&
          (finding.site === undefined || response.site === finding.site) &&
          response.answers[finding.question] !== undefined,
      );
      expect(group.length).toBeGreaterThan(100);
      if (finding.kind === "rankedFirst") {
        const firsts = new Map<string, number>();
        for (const response of group) {
          const top = String((response.answers[finding.question] as string[])[0]);
          firsts.set(top, (firsts.get(top) ?? 0) + 1);
        }
        const leader = [...firsts].sort((a, b) => b[1] - a[1])[0][0];
        expect(leader === finding.item, finding.sentence).toBe(finding.first);
        return;
      }
      const hits = group.filter((response) => {
        const answer = response.answers[finding.question];
        const given = Array.isArray(answer) ? answer.map(String) : [String(answer)];
        return given.some((value) => finding.values.includes(value));
      }).length;
      const share = hits / group.length;
      // Three standard errors of a proportion at this sample size, and at least two points.
      const tolerance = Math.max(0.02, 3 * Math.sqrt((finding.share * (1 - finding.share)) / group.length));
      const message = `${finding.sentence} — simulated ${(share * 100).toFixed(1)}% of ${group.length}`;
      if (finding.comparison === "about")
        expect(Math.abs(share - finding.share), message).toBeLessThanOrEqual(tolerance);
      else if (finding.comparison === "over") expect(share, message).toBeGreaterThan(finding.share);
      else expect(share, message).toBeGreaterThanOrEqual(finding.share - 0.005);
    },
  );
});
