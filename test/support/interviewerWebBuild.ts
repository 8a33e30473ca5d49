import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../src/files/packageRoot.ts";

/**
 * Builds the web app (respondent and interviewer) into a private folder: dist/web may be an older build without
 * the interviewer app, and other suites may rebuild it while these tests run.
 */
export async function buildWebForInterviewerTests(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "parallax-web-"));
  const { build } = await import("vite");
  await build({
    configFile: join(packageRoot, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
