import type { FastifyInstance } from "fastify";
import { ParallaxError } from "../../errors.ts";
import { cellsFor } from "../../fieldwork/quotaCells.ts";
import { submitResponse } from "../../fieldwork/submitResponse.ts";
import { quotaRepository } from "../../store/quotaRepository.ts";
import { localize } from "../../study/localize.ts";
import type { ServerContext } from "../context.ts";
import { studySummary } from "../studySummary.ts";

interface StudyParams {
  study: string;
}
interface PopulationParams extends StudyParams {
  population: string;
}

/** The public HTTP API (v1) that the respondent page, the interviewer app and other clients use. */
export async function apiRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.get("/api/v1/studies", async () => ({
    studies: context.catalogue
      .list()
      .map((study) => studySummary(study, context.now(), context.openFieldwork ?? false)),
  }));

  app.get<{ Params: StudyParams }>("/api/v1/studies/:study", async (request) =>
    studySummary(
      context.catalogue.study(request.params.study),
      context.now(),
      context.openFieldwork ?? false,
    ),
  );

  app.get<{ Params: PopulationParams }>(
    "/api/v1/studies/:study/populations/:population/questionnaire",
    async (request) => {
      const { study, population } = context.catalogue.population(
        request.params.study,
        request.params.population,
      );
      const questionnaire = study.questionnaires[population.id];
      return { version: questionnaire.version, questionnaire: questionnaire.json };
    },
  );

  app.post<{ Params: PopulationParams; Body: { answers?: unknown; language?: unknown } }>(
    "/api/v1/studies/:study/populations/:population/quota-check",
    { config: { rateLimit: { max: 1200, timeWindow: "1 minute" } } },
    async (request) => {
      const { study, population } = context.catalogue.population(
        request.params.study,
        request.params.population,
      );
      const answers = request.body?.answers;
      if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
        throw new ParallaxError("BAD_REQUEST", "Give the answers so far", [
          { path: "answers", message: "must be an object" },
        ]);
      }
      const cells = cellsFor(population, answers as Record<string, unknown>);
      const full = await quotaRepository(context.db).firstFull(study.definition.id, population.id, cells);
      const quota = full && population.quotas?.find((candidate) => candidate.id === full.quotaId);
      const language =
        typeof request.body.language === "string" ? request.body.language : population.languages[0];
      return quota
        ? { full: true, quota: quota.id, cell: full.cell, message: localize(quota.message, language) }
        : { full: false };
    },
  );

  app.post<{ Params: PopulationParams }>(
    "/api/v1/studies/:study/populations/:population/responses",
    { config: { rateLimit: { max: 600, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const result = await submitResponse(context, {
        studyId: request.params.study,
        populationId: request.params.population,
        body: request.body,
        userAgent: request.headers["user-agent"],
      });
      void reply.status(result.created ? 201 : 200);
      return { id: result.response.id, status: result.response.status };
    },
  );
}
