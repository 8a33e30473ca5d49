import type { FastifyInstance } from "fastify";
import { exportCsv } from "../../report/export/exportCsv.ts";
import { auditRepository } from "../../store/auditRepository.ts";
import { quotaRepository } from "../../store/quotaRepository.ts";
import { responseRepository } from "../../store/responseRepository.ts";
import { userRepository } from "../../store/userRepository.ts";
import { currentUser, requirePermission } from "../auth/authenticate.ts";
import type { ServerContext } from "../context.ts";
import { fieldworkProgress } from "../fieldworkProgress.ts";

interface StudyParams {
  study: string;
}

/** Routes for the people running a study; each is guarded by the permission its role needs. */
export async function staffRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const audit = auditRepository(context.store);

  app.get<{ Params: StudyParams }>(
    "/api/v1/studies/:study/fieldwork",
    { preHandler: requirePermission("fieldwork:read") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      return fieldworkProgress(
        study.definition,
        await responseRepository(context.store.db).countBySite(study.definition.id),
      );
    },
  );

  app.get<{ Params: StudyParams }>(
    "/api/v1/studies/:study/quotas",
    { preHandler: requirePermission("fieldwork:read") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      return { cells: await quotaRepository(context.store.db).state(study.definition.id) };
    },
  );

  app.get<{ Params: StudyParams }>(
    "/api/v1/studies/:study/responses",
    { preHandler: requirePermission("responses:read") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      const responses = await responseRepository(context.store.db).list(study.definition.id);
      return {
        responses: responses.map(({ bodyHash: _hash, userAgent: _agent, ...response }) => response),
      };
    },
  );

  app.get<{ Params: StudyParams; Querystring: { lang?: string } }>(
    "/api/v1/studies/:study/export.csv",
    { preHandler: requirePermission("export:run") },
    async (request, reply) => {
      const study = context.catalogue.study(request.params.study);
      const language = study.definition.languages.includes(request.query.lang ?? "")
        ? (request.query.lang as string)
        : study.definition.languages[0];
      const questionnaires = Object.fromEntries(
        Object.values(study.questionnaires).map((entry) => [entry.population, entry.json]),
      );
      const responses = await responseRepository(context.store.db).list(study.definition.id);
      const { data } = exportCsv(study.definition, questionnaires, responses, language);
      await audit.append({
        actor: currentUser(request).email,
        action: "export",
        target: study.definition.id,
        details: { format: "csv", language, responses: responses.length },
        source: request.ip,
      });
      void reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${study.definition.id}.csv"`);
      return data;
    },
  );

  app.get("/api/v1/users", { preHandler: requirePermission("users:manage") }, async () => ({
    users: await userRepository(context.store.db).list(),
  }));

  app.get("/api/v1/audit", { preHandler: requirePermission("audit:read") }, async () => ({
    entries: await audit.list(),
  }));
}
