import type { FastifyInstance } from "fastify";
import { submitResponse } from "../../fieldwork/submitResponse.ts";
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
    studies: context.catalogue.list().map(studySummary),
  }));

  app.get<{ Params: StudyParams }>("/api/v1/studies/:study", async (request) =>
    studySummary(context.catalogue.study(request.params.study)),
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
