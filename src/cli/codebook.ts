import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import type { Codebook } from "../text/codebookTypes.ts";
import { codebookFromXlsx, codebookToXlsx } from "../text/codebookXlsx.ts";
import { checkCodebookFits, locateCodebook, readCodebook } from "./codebookFile.ts";

interface TargetOptions {
  study: string;
  question: string;
  population?: string;
}

/** Adds `parallax codebook show|export|import`: a question's codebook as JSON, text or a workbook. */
export function registerCodebookCommand(program: Command): void {
  const codebook = program.command("codebook").description("work with the codebooks of open questions");
  const target = (command: Command) =>
    command
      .requiredOption("--study <dir>", "study folder")
      .requiredOption("--question <name>", "the open question's name")
      .option(
        "--population <id>",
        "needed where several populations ask the question with different codebooks",
      );
  target(codebook.command("show").description("print a codebook: each code with its id and labels"))
    .option("--json", "print JSON")
    .action(async (options: TargetOptions & { json?: boolean }) => runShow(options));
  target(
    codebook
      .command("export")
      .description("write a codebook as an .xlsx workbook (sheets codes, patterns, nets)"),
  )
    .requiredOption("--xlsx <file>", "workbook to write")
    .action(async (options: TargetOptions & { xlsx: string }) => runExport(options));
  target(
    codebook
      .command("import")
      .description("check an .xlsx codebook and write it as the question's JSON codebook"),
  )
    .requiredOption("--xlsx <file>", "workbook to read")
    .option("--out <file>", "JSON file to write (default: the codebook's place in the study folder)")
    .action(async (options: TargetOptions & { xlsx: string; out?: string }) => runImport(options));
}

async function runShow(options: TargetOptions & { json?: boolean }): Promise<void> {
  const located = await locateCodebook(options);
  const codebook = await readCodebook(located);
  if (options.json) {
    const shown = {
      file: located.file,
      populations: located.populations,
      languages: located.languages,
      ...codebook,
    };
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return;
  }
  const languages = located.study.definition.languages;
  const lines = [
    `${located.file} — question ${codebook.question}, populations ${located.populations.join(", ")}`,
  ];
  for (const code of codebook.codes) {
    lines.push(
      `${code.id.padEnd(24)} ${languages.map((language) => code.label[language] ?? "").join(" | ")}`,
    );
  }
  for (const net of codebook.nets) {
    lines.push(`net ${net.id}: ${net.codes.join(", ")}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function runExport(options: TargetOptions & { xlsx: string }): Promise<void> {
  const located = await locateCodebook(options);
  const codebook = await readCodebook(located);
  await writeFile(options.xlsx, await codebookToXlsx(codebook, located.study.definition.languages));
  process.stderr.write(`Wrote ${located.file} to ${options.xlsx}\n`);
}

async function runImport(options: TargetOptions & { xlsx: string; out?: string }): Promise<void> {
  const located = await locateCodebook(options);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.xlsx);
  } catch {
    throw new ParallaxError("FILE_UNREADABLE", "Cannot read the workbook", [
      { path: options.xlsx, message: "no such file" },
    ]);
  }
  const codebook: Codebook = await codebookFromXlsx(bytes, options.question, options.xlsx);
  checkCodebookFits(codebook, located);
  const out = options.out ?? located.path;
  // A code without patterns (other) is written without the empty object, as people write it by hand.
  const codes = codebook.codes.map(({ patterns, ...code }) =>
    Object.keys(patterns).length > 0 ? { ...code, patterns } : code,
  );
  await writeFile(out, `${JSON.stringify({ ...codebook, codes }, null, 2)}\n`);
  process.stderr.write(`Wrote ${codebook.codes.length} codes and ${codebook.nets.length} nets to ${out}\n`);
}
