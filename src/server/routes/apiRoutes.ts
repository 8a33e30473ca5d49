import type { FastifyInstance } from "fastify";
import { ParallaxError } from "../../errors.ts";
import { cellsFor } from "../../fieldwork/quotaCells.ts";
import { saveProgress } from "../../fieldwork/saveProgress.ts";
import { submitResponse } from "../../fieldwork/submitResponse.ts";
import { invitationRepository } from "../../store/invitationRepository.ts";
import { quotaRepository } from "../../store/quotaRepository.ts";
import { responseRepository } from "../../store/responseRepository.ts";
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
export async function apiRoutes(
  app: FastifyInstance,
  context: ServerContext,
  options: { submissionRateLimit?: number } = {},
): Promise<void> {
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

  app.put<{ Params: PopulationParams & { id: string } }>(
    "/api/v1/studies/:study/populations/:population/responses/:id/progress",
    { config: { rateLimit: { max: 1200, timeWindow: "1 minute" } } },
    async (request) => {
      const saved = await saveProgress(context, {
        studyId: request.params.study,
        populationId: request.params.population,
        responseId: request.params.id,
        body: request.body,
        userAgent: request.headers["user-agent"],
      });
      return { id: saved.id, status: saved.status };
    },
  );

  // The response's own UUID is the capability: only the device (or resume link) that holds it can read it.
  app.get<{ Params: PopulationParams & { id: string } }>(
    "/api/v1/studies/:study/populations/:population/responses/:id/progress",
    async (request) => {
      context.catalogue.population(request.params.study, request.params.population);
      const found = await responseRepository(context.db).find(request.params.id.toLowerCase());
      if (
        !found ||
        found.studyId !== request.params.study ||
        found.populationId !== request.params.population
      ) {
        throw new ParallaxError("NOT_FOUND", "No saved response with this id");
      }
      if (found.status !== "partial") return { id: found.id, status: found.status };
      return {
        id: found.id,
        status: found.status,
        language: found.language,
        answers: found.answers,
        pageNo: found.paradata.pageNo ?? 0,
      };
    },
  );

  app.get<{ Params: PopulationParams & { token: string } }>(
    "/api/v1/studies/:study/populations/:population/invitations/:token",
    { config: { rateLimit: { max: 60, timeWindow: "1 minute" } } },
    async (request) => {
      const invitation = await invitationRepository(context.db).findByToken(request.params.token);
      if (
        !invitation ||
        invitation.studyId !== request.params.study ||
        invitation.populationId !== request.params.population
      ) {
        throw new ParallaxError("INVITATION_INVALID");
      }
      const response = invitation.responseId
        ? await responseRepository(context.db).find(invitation.responseId)
        : undefined;
      const state = !response ? "new" : response.status === "partial" ? "in_progress" : "completed";
      return {
        state,
        language: invitation.language,
        site: invitation.siteId,
        responseId: response?.id,
        answers: state === "in_progress" ? response?.answers : undefined,
        pageNo: state === "in_progress" ? (response?.paradata.pageNo ?? 0) : undefined,
      };
    },
  );

  app.post<{ Params: PopulationParams }>(
    "/api/v1/studies/:study/populations/:population/responses",
    { config: { rateLimit: { max: options.submissionRateLimit ?? 600, timeWindow: "1 minute" } } },
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
