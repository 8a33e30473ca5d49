import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { importXlsform } from "../study/xlsform/importXlsform.ts";

async function readForm(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParallaxError("FILE_UNREADABLE", `Cannot read ${file}`, [{ path: file, message: reason }]);
  }
}

/** Runs `parallax import xlsform FORM.xlsx [--out FILE.json]`: JSON to the file or stdout, warnings to stderr. */
export async function runImportXlsform(form: string, options: { out?: string }): Promise<void> {
  const result = await importXlsform(await readForm(form));
  for (const warning of result.warnings)
    process.stderr.write(`warning: ${warning.path}: ${warning.message}\n`);
  const json = `${JSON.stringify(result.survey, null, 2)}\n`;
  const languages = result.languages.map((language) => language.code).join(", ");
  const summary = `imported ${form}: ${result.questionCount} questions, ${Object.keys(result.choiceLists).length} choice lists, languages ${languages}, ${result.warnings.length} warning(s)\n`;
  if (!options.out) {
    process.stdout.write(json);
    process.stderr.write(summary);
    return;
  }
  try {
    await writeFile(options.out, json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParallaxError("FILE_UNREADABLE", `Cannot write ${options.out}`, [
      { path: options.out, message: reason },
    ]);
  }
  process.stderr.write(summary);
}

/** Adds `import xlsform` (creating the `import` group if no other command has). */
export function registerImportXlsformCommand(program: Command): void {
  const importGroup =
    program.commands.find((command) => command.name() === "import") ??
    program.command("import").description("Import questionnaires from other formats");
  importGroup
    .command("xlsform")
    .description("Convert an XLSForm (.xlsx) into SurveyJS JSON")
    .argument("<form>", "the XLSForm workbook (.xlsx)")
    .option("--out <file>", "write the SurveyJS JSON here instead of stdout")
    .action(async (form: string, options: { out?: string }) => runImportXlsform(form, options));
}
