import { join } from "node:path";
import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { ensureWebBuilt } from "../files/ensureWebBuilt.ts";
import { packageRoot } from "../files/packageRoot.ts";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import { openParallax } from "../server/openParallax.ts";
import { respondentLink } from "../server/studySummary.ts";
import { dbOption } from "./dbOption.ts";
import { loadDemoFieldwork } from "./loadDemoFieldwork.ts";

export const demoStudyDirectory = join(packageRoot, "examples", "china-lac");

interface ServeOptions {
  db: string;
  port: string;
  host: string;
  study: string[];
  openFieldwork?: boolean;
  demoData?: boolean;
  submissionRateLimit?: string;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the respondent pages and the HTTP API")
    .addOption(dbOption())
    .option("--port <n>", "port to listen on", process.env.PARALLAX_PORT ?? "3000")
    .option(
      "--host <address>",
      "address to listen on (0.0.0.0 for every interface)",
      process.env.PARALLAX_HOST ?? "localhost",
    )
    .option("--study <dir...>", "study folders to field (default: the China–LAC demo study)")
    .option(
      "--open-fieldwork",
      "accept responses outside the populations' fieldwork windows (demos, rehearsals)",
    )
    .option("--demo-data", "fill a study without responses with simulated fieldwork, marked as simulated")
    .option(
      "--submission-rate-limit <per-minute>",
      "submissions accepted per minute from one client address (default 600; raise it for load tests)",
    )
    .action(async (options: ServeOptions) => serve(options));
}

async function serve(options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ParallaxError("USAGE", "--port must be a whole number from 0 to 65535", [
      { path: "--port", message: options.port },
    ]);
  }
  const submissionRateLimit =
    options.submissionRateLimit === undefined ? undefined : Number(options.submissionRateLimit);
  if (
    submissionRateLimit !== undefined &&
    !(Number.isInteger(submissionRateLimit) && submissionRateLimit > 0)
  ) {
    throw new ParallaxError("USAGE", "--submission-rate-limit must be a whole number above 0", [
      { path: "--submission-rate-limit", message: String(options.submissionRateLimit) },
    ]);
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const directories = options.study?.length ? options.study : [demoStudyDirectory];
  const studies = await Promise.all(directories.map((directory) => readStudyFolder(directory)));
  const webRoot = await ensureWebBuilt(log);
  if (options.demoData) for (const study of studies) await loadDemoFieldwork(options.db, study, log);
  const {
    app,
    store,
    close: shutdown,
  } = await openParallax({
    db: options.db,
    studies,
    webRoot,
    openFieldwork: options.openFieldwork,
    submissionRateLimit,
  });
  const close = async () => {
    await shutdown();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  await app.listen({ port, host: options.host }).catch(async (error: NodeJS.ErrnoException) => {
    await shutdown();
    if (error.code !== "EADDRINUSE") throw error;
    throw new ParallaxError("USAGE", `Port ${port} on ${options.host} is already in use`, [
      { path: "--port", message: "choose another port, or stop the program listening there" },
    ]);
  });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const base = `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${actualPort}`;
  log(`Parallax is serving on ${base} (data: ${store.location})`);
  log(`  Dashboard (admins, fieldwork managers, analysts): ${base}/admin`);
  log(`  Interviewer app: ${base}/interviewer`);
  for (const study of studies) {
    log(`\n${study.definition.title.en ?? study.definition.id}`);
    for (const population of study.definition.populations) {
      for (const language of population.languages) {
        log(
          `  ${population.id} (${language}): ${base}${respondentLink(study.definition.id, population.id, language)}`,
        );
      }
    }
  }
}
