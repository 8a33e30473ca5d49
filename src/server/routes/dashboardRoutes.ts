import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ParallaxError } from "../../errors.ts";
import { type RatesGrouping, ratesReport } from "../../fieldwork/rates/ratesReport.ts";
import { toScreenedResponse } from "../../fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../../files/readQualityConfig.ts";
import { readWeighting } from "../../files/readWeighting.ts";
import { summarizeScreen, validResponses } from "../../quality/index.ts";
import { dashboardToplines, type Toplines } from "../../report/dashboardToplines.ts";
import { dispositionCounts } from "../../store/dispositionCounts.ts";
import { qualityRepository } from "../../store/qualityRepository.ts";
import { responseRepository } from "../../store/responseRepository.ts";
import { requirePermission } from "../auth/authenticate.ts";
import type { ServerContext } from "../context.ts";

interface StudyParams {
  study: string;
}

const groupings: RatesGrouping[] = ["population", "site", "mode"];

/** The admin app's page and the live figures its dashboard polls: rates, valid counts, toplines, interviewers. */
export async function dashboardRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const db = context.store.db;
  const pageHtml = async (reply: FastifyReply) => {
    const html = await readFile(join(context.webRoot, "admin.html"), "utf8").catch(() => {
      throw new ParallaxError("NOT_FOUND", "The admin app is not built", [
        { path: context.webRoot, message: "run `npm run build:web`" },
      ]);
    });
    void reply.type("text/html; charset=utf-8").header("cache-control", "no-cache");
    return html;
  };
  app.get("/admin", async (_request, reply) => pageHtml(reply));
  app.get("/admin/", async (_request, reply) => pageHtml(reply));

  app.get<{ Params: StudyParams; Querystring: { by?: string; e?: string } }>(
    "/api/v1/studies/:study/rates",
    { preHandler: requirePermission("fieldwork:read") },
    async (request) => {
      const study = context.catalogue.study(request.params.study).definition;
      const by = (request.query.by ?? "population") as RatesGrouping;
      if (!groupings.includes(by))
        throw new ParallaxError("BAD_REQUEST", `Cannot group rates by "${by}"`, [
          { path: "by", message: `must be one of ${groupings.join(", ")}` },
        ]);
      const e = request.query.e === undefined ? undefined : Number(request.query.e);
      if (e !== undefined && !(e >= 0 && e <= 1))
        throw new ParallaxError("BAD_REQUEST", "e is a proportion", [
          { path: "e", message: "must be a number between 0 and 1" },
        ]);
      const { counts } = await dispositionCounts(db, study.id);
      const populations = study.populations.map((population) => ({
        id: population.id,
        sites: population.sites.map((site) => site.id),
      }));
      return ratesReport(study.id, counts, { by, e, populations });
    },
  );

  // Recomputed only when responses, flags or decisions change: the dashboard polls.
  const toplineCache = new Map<string, { fingerprint: string; toplines: Toplines }>();
  app.get<{ Params: StudyParams; Querystring: { lang?: string } }>(
    "/api/v1/studies/:study/toplines",
    { preHandler: requirePermission("responses:read") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      const definition = study.definition;
      const language = definition.languages.includes(request.query.lang ?? "")
        ? (request.query.lang as string)
        : definition.languages[0];
      const quality = qualityRepository(db);
      const responses = (await responseRepository(db).list(definition.id)).map(toScreenedResponse);
      const flags = await quality.flags(definition.id);
      const decisions = await quality.decisions(definition.id);
      const fingerprint = [
        responses.length,
        responses.at(-1)?.id ?? "",
        flags.length,
        [...decisions].map(([key, value]) => `${key}=${value}`).join(","),
      ].join("|");
      const key = `${definition.id} ${language}`;
      const cached = toplineCache.get(key);
      if (cached?.fingerprint === fingerprint) return cached.toplines;
      const weighting = await readWeighting(study.directory);
      const attentionChecks = (await readQualityConfig(study.directory)).rules.attention.checks;
      const toplines = dashboardToplines(
        study,
        validResponses(responses, flags, decisions),
        weighting,
        language,
        new Set(attentionChecks.map((check) => check.question)),
      );
      toplineCache.set(key, { fingerprint, toplines });
      return toplines;
    },
  );

  app.get<{ Params: StudyParams }>(
    "/api/v1/studies/:study/quality",
    { preHandler: requirePermission("responses:read") },
    async (request) => {
      const definition = context.catalogue.study(request.params.study).definition;
      const quality = qualityRepository(db);
      const responses = (await responseRepository(db).list(definition.id)).map(toScreenedResponse);
      const flags = await quality.flags(definition.id);
      const summary = summarizeScreen(definition, responses, flags, await quality.decisions(definition.id));
      const { screenedAt, interviewers } = await quality.interviewerVerdicts(definition.id);
      return {
        screenedAt: screenedAt ?? (await quality.screenedAt(definition.id)),
        responses: responses.length,
        simulated: responses.filter((response) => response.paradata.simulated === true).length,
        rules: summary.rules,
        sites: summary.sites,
        interviewers,
      };
    },
  );
}
