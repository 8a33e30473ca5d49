import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ParallaxError } from "../../errors.ts";
import { assignmentRepository } from "../../store/assignmentRepository.ts";
import {
  type ContactOutcome,
  contactAttemptRepository,
  contactOutcomes,
} from "../../store/contactAttemptRepository.ts";
import { type QuotaCellState, quotaRepository } from "../../store/quotaRepository.ts";
import { responseRepository } from "../../store/responseRepository.ts";
import { userRepository } from "../../store/userRepository.ts";
import type { Population } from "../../study/types.ts";
import { currentUser, requirePermission } from "../auth/authenticate.ts";
import type { ServerContext } from "../context.ts";
import { summarizeInterviewers } from "../interviewerSummary.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The app's files besides its hashed assets, built from web/public/interviewer into the web root. */
const appFiles: Record<string, string> = {
  "sw.js": "text/javascript; charset=utf-8",
  "manifest.webmanifest": "application/manifest+json; charset=utf-8",
  "icon.svg": "image/svg+xml",
};

/** Cells of the population's quotas that concern these sites (quotas without a site axis concern every site). */
export function cellsForSites(population: Population, cells: QuotaCellState[], sites: string[]) {
  return cells.filter((cell) => {
    if (cell.populationId !== population.id) return false;
    const quota = population.quotas?.find((candidate) => candidate.id === cell.quotaId);
    const axis = quota?.dimensions.findIndex((dimension) => dimension.question === population.siteQuestion);
    return axis === undefined || axis < 0 || sites.includes(cell.cell.split("|")[axis]);
  });
}

interface ContactBody {
  id?: unknown;
  study?: unknown;
  population?: unknown;
  site?: unknown;
  outcome?: unknown;
  attemptedAt?: unknown;
}

/** The offline interviewer app: its page and service worker, its assignments API, and the supervisor's view. */
export async function interviewerRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const db = context.store.db;
  // Read on first request, not at start: a server over an older build still serves everything else.
  const pageHtml = async (reply: FastifyReply) => {
    const html = await readFile(join(context.webRoot, "interviewer.html"), "utf8").catch(() => {
      throw new ParallaxError("NOT_FOUND", "The interviewer app is not built", [
        { path: context.webRoot, message: "run `npm run build:web`" },
      ]);
    });
    void reply.type("text/html; charset=utf-8").header("cache-control", "no-cache");
    return html;
  };
  app.get("/interviewer", async (_request, reply) => pageHtml(reply));
  app.get("/interviewer/", async (_request, reply) => pageHtml(reply));
  app.get<{ Params: { file: string } }>("/interviewer/:file", async (request, reply) => {
    const type = appFiles[request.params.file];
    if (!type) throw new ParallaxError("NOT_FOUND", `No file ${request.params.file}`);
    const body = await readFile(join(context.webRoot, "interviewer", request.params.file)).catch(() => {
      throw new ParallaxError("NOT_FOUND", "The interviewer app is not built");
    });
    // The worker lives under /interviewer/ but controls the page at /interviewer itself.
    if (request.params.file === "sw.js") void reply.header("service-worker-allowed", "/interviewer");
    void reply.type(type).header("cache-control", "no-cache");
    return body;
  });

  app.get(
    "/api/v1/interviewer/assignments",
    { preHandler: requirePermission("assignments:own") },
    async (request) => {
      const user = currentUser(request);
      const assignments = await assignmentRepository(db).forUser(user.id);
      const quotaStates = new Map<string, QuotaCellState[]>();
      const result = [];
      for (const assignment of assignments) {
        const study = context.catalogue.list().find((item) => item.definition.id === assignment.studyId);
        const population = study?.definition.populations.find((item) => item.id === assignment.populationId);
        if (!study || !population) continue;
        if (!quotaStates.has(study.definition.id)) {
          quotaStates.set(study.definition.id, await quotaRepository(db).state(study.definition.id));
        }
        const questionnaire = study.questionnaires[population.id];
        result.push({
          id: assignment.id,
          study: { id: study.definition.id, title: study.definition.title },
          population: {
            ...population,
            sites: population.sites.filter((site) => assignment.sites.includes(site.id)),
          },
          sites: assignment.sites,
          quotaCells: cellsForSites(population, quotaStates.get(study.definition.id) ?? [], assignment.sites),
          questionnaire: { version: questionnaire.version, json: questionnaire.json },
          updatedAt: assignment.updatedAt,
        });
      }
      return {
        interviewer: { id: user.id, email: user.email, name: user.name },
        serverTime: context.now().toISOString(),
        assignments: result,
      };
    },
  );

  app.post<{ Body: ContactBody }>(
    "/api/v1/interviewer/contacts",
    { preHandler: requirePermission("assignments:own") },
    async (request, reply) => {
      const user = currentUser(request);
      const body = request.body ?? {};
      const problems = [];
      if (typeof body.id !== "string" || !uuidPattern.test(body.id))
        problems.push({ path: "id", message: "must be a UUID chosen by the device" });
      if (!contactOutcomes.includes(body.outcome as ContactOutcome))
        problems.push({ path: "outcome", message: `must be one of ${contactOutcomes.join(", ")}` });
      if (typeof body.attemptedAt !== "string" || !Number.isFinite(Date.parse(body.attemptedAt)))
        problems.push({ path: "attemptedAt", message: "must be an ISO time" });
      if (body.site !== undefined && body.site !== null && typeof body.site !== "string")
        problems.push({ path: "site", message: "must be a site id" });
      if (problems.length > 0)
        throw new ParallaxError("BAD_REQUEST", "The contact attempt is malformed", problems);
      const assignment = (await assignmentRepository(db).forUser(user.id)).find(
        (item) => item.studyId === body.study && item.populationId === body.population,
      );
      if (!assignment) {
        throw new ParallaxError("FORBIDDEN", "You are not assigned to this population", [
          { path: "population", message: `${String(body.study)}/${String(body.population)}` },
        ]);
      }
      const site = typeof body.site === "string" ? body.site : null;
      if (site !== null && !assignment.sites.includes(site))
        throw new ParallaxError("FORBIDDEN", "You are not assigned to this site", [
          { path: "site", message: site },
        ]);
      const { stored, inserted } = await contactAttemptRepository(db).recordOnce({
        id: (body.id as string).toLowerCase(),
        studyId: assignment.studyId,
        populationId: assignment.populationId,
        interviewerId: user.id,
        siteId: site,
        outcome: body.outcome as ContactOutcome,
        attemptedAt: body.attemptedAt as string,
        receivedAt: context.now().toISOString(),
      });
      if (stored.interviewerId !== user.id || stored.outcome !== body.outcome) {
        throw new ParallaxError("RESPONSE_CONFLICT", "A different contact attempt was stored under this id", [
          { path: "id", message: stored.id },
        ]);
      }
      void reply.status(inserted ? 201 : 200);
      return { id: stored.id, outcome: stored.outcome };
    },
  );

  app.get<{ Params: { study: string } }>(
    "/api/v1/studies/:study/interviewers",
    { preHandler: requirePermission("fieldwork:read") },
    async (request) => {
      const studyId = context.catalogue.study(request.params.study).definition.id;
      return {
        interviewers: summarizeInterviewers({
          users: await userRepository(db).list(),
          assignments: await assignmentRepository(db).forStudy(studyId),
          responses: await responseRepository(db).list(studyId),
          contacts: await contactAttemptRepository(db).forStudy(studyId),
        }),
      };
    },
  );
}
