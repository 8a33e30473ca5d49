import { isAbsolute, relative } from "node:path";
import type { Command } from "commander";
import { type ErrorDetail, isParallaxError, type ParallaxError } from "../errors.ts";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import type { LintProblem } from "../study/lint/lintProblem.ts";
import { countProblems, lintStudy } from "../study/lint/lintStudy.ts";

interface LintOptions {
  json?: boolean;
}

/** Adds `parallax study lint DIR [--json]`, creating the `study` command group if no one has yet. */
export function registerStudyLintCommand(program: Command): void {
  const study =
    program.commands.find((command) => command.name() === "study") ??
    program.command("study").description("work with study folders");
  study
    .command("lint")
    .description("check a study folder: translations, names, expressions, sites and concepts")
    .argument("<dir>", "study folder holding study.json and one questionnaire per population")
    .option("--json", "print the problems as JSON")
    .action(async (directory: string, options: LintOptions) => runStudyLint(directory, options));
}

async function runStudyLint(directory: string, options: LintOptions): Promise<void> {
  const problems = await lintStudyFolder(directory);
  const { errors, warnings } = countProblems(problems);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ directory, errors, warnings, problems }, null, 2)}\n`);
  } else {
    const lines = problems.map(formatLintProblem);
    lines.push(summaryLine(directory, errors, warnings));
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (errors > 0) process.exitCode = 1;
}

/** Loads and lints a study folder; a study that cannot be loaded yields the loader's problems instead. */
export async function lintStudyFolder(directory: string): Promise<LintProblem[]> {
  try {
    return lintStudy(await readStudyFolder(directory));
  } catch (error) {
    if (isParallaxError(error) && (error.code === "STUDY_INVALID" || error.code === "FILE_UNREADABLE")) {
      return loadProblems(error, directory);
    }
    throw error;
  }
}

export function formatLintProblem(problem: LintProblem): string {
  return `${problem.severity} ${problem.file} ${problem.path}: ${problem.message}`;
}

function summaryLine(directory: string, errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return `${directory}: no problems`;
  return `${directory}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Turns a loader error into lint problems. Its details name places as "file $.path" (shape problems),
 * "file:line:column" (JSON syntax) or an absolute file path (unreadable files).
 */
function loadProblems(error: ParallaxError, directory: string): LintProblem[] {
  const details: ErrorDetail[] = error.details.length > 0 ? error.details : [{ path: "", message: "" }];
  return details.map((detail) => {
    const problem: LintProblem = { severity: "error", file: "", path: "$", message: "", rule: "load" };
    const syntax = /^(.*):(\d+):(\d+)$/.exec(detail.path);
    const space = detail.path.indexOf(" $");
    if (syntax) {
      problem.file = syntax[1];
      problem.message = `line ${syntax[2]}, column ${syntax[3]}: ${detail.message}`;
    } else if (space >= 0) {
      problem.file = detail.path.slice(0, space);
      problem.path = detail.path.slice(space + 1);
      problem.message = detail.message;
    } else {
      problem.file = isAbsolute(detail.path) ? relative(directory, detail.path) || detail.path : detail.path;
      problem.message = detail.message;
    }
    if (problem.file === "") problem.file = "study.json";
    problem.message = [error.message, problem.message].filter((part) => part !== "").join(": ");
    return problem;
  });
}
