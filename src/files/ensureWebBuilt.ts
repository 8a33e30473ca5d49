import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./packageRoot.ts";

/**
 * Returns the folder of the built web app, building it first when a checkout has not yet done so
 * (`npm ci` builds it through the prepare script; this covers a tree where that step was skipped).
 */
export async function ensureWebBuilt(log: (line: string) => void): Promise<string> {
  const webRoot = join(packageRoot, "dist", "web");
  // Every page the server serves: a build from before one of them existed must be redone.
  if (["respondent.html", "interviewer.html", "admin.html"].every((page) => existsSync(join(webRoot, page))))
    return webRoot;
  log("Building the web app (once)…");
  const { build } = await import("vite");
  await build({ configFile: join(packageRoot, "vite.config.ts"), logLevel: "warn" });
  return webRoot;
}
