import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { frameFromCsv } from "../stats/frameFromCsv.ts";
import { runSpec } from "../stats/runSpec.ts";

/** `parallax stats --data FILE.csv --spec SPEC.json`: design-based estimates as JSON on stdout. */
export function registerStatsCommand(program: Command): void {
  program
    .command("stats")
    .description(
      "Weighted estimates with design-based standard errors, intervals and tests (agrees with R's survey)",
    )
    .requiredOption("--data <file>", "CSV file, one row per respondent")
    .requiredOption("--spec <file>", "JSON spec: design, calibrate, trim, estimates")
    .action(async (options: { data: string; spec: string }) => {
      const [csv, specBytes] = await Promise.all([
        readBytes(options.data, "--data"),
        readBytes(options.spec, "--spec"),
      ]);
      const specText = new TextDecoder().decode(specBytes);
      let spec: unknown;
      try {
        spec = JSON.parse(specText);
      } catch (error) {
        throw new ParallaxError("SPEC_INVALID", "The spec is not valid JSON", [
          { path: options.spec, message: error instanceof Error ? error.message : String(error) },
        ]);
      }
      const output = runSpec(frameFromCsv(csv), spec);
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    });
}

async function readBytes(path: string, option: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ParallaxError("FILE_UNREADABLE", `Cannot read ${path}`, [
      { path: option, message: error instanceof Error ? error.message : String(error) },
    ]);
  }
}
