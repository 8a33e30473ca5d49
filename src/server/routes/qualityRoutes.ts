import type { FastifyInstance } from "fastify";
import { ParallaxError } from "../../errors.ts";
import { screenStoredStudy, toScreenedResponse } from "../../fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../../files/readQualityConfig.ts";
import { summarizeScreen, validResponses } from "../../quality/index.ts";
import { auditRepository } from "../../store/auditRepository.ts";
import { qualityRepository } from "../../store/qualityRepository.ts";
import { responseRepository } from "../../store/responseRepository.ts";
import { currentUser, requirePermission } from "../auth/authenticate.ts";
import type { ServerContext } from "../context.ts";

interface StudyParams {
  study: string;
}

/** The quality screen's flags, the reviewers' decisions on them, and the valid set they define. */
export async function qualityRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const audit = auditRepository(context.store);

  app.get<{ Params: StudyParams }>(
    "/api/v1/studies/:study/flags",
    { preHandler: requirePermission("responses:read") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      return { flags: await qualityRepository(context.db).flags(study.definition.id) };
    },
  );

  app.get<{ Params: StudyParams }>(
    "/api/v1/studies/:study/valid",
    { preHandler: requirePermission("responses:read") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      const quality = qualityRepository(context.db);
      const flags = await quality.flags(study.definition.id);
      const responses = (await responseRepository(context.db).list(study.definition.id)).map(
        toScreenedResponse,
      );
      const decisions = await quality.decisions(study.definition.id);
      const summary = summarizeScreen(study.definition, responses, flags, decisions);
      return {
        screened: flags.length > 0,
        sites: summary.sites,
        valid: validResponses(responses, flags, decisions).length,
      };
    },
  );

  app.post<{ Params: StudyParams }>(
    "/api/v1/studies/:study/quality/screen",
    { preHandler: requirePermission("quality:review") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      const screen = await screenStoredStudy(context.db, study, await readQualityConfig(study.directory));
      await audit.append({
        actor: currentUser(request).email,
        action: "quality_screen",
        target: study.definition.id,
        details: {
          responses: screen.responses.length,
          flags: screen.result.flags.length,
          valid: screen.valid.length,
        },
        source: request.ip,
      });
      return {
        responses: screen.responses.length,
        flags: screen.result.flags.length,
        valid: screen.valid.length,
      };
    },
  );

  app.post<{
    Params: StudyParams & { response: string; rule: string };
    Body: { decision?: unknown; comment?: unknown };
  }>(
    "/api/v1/studies/:study/flags/:response/:rule/review",
    { preHandler: requirePermission("quality:review") },
    async (request) => {
      const study = context.catalogue.study(request.params.study);
      const { decision, comment } = request.body ?? {};
      if (decision !== "accept" && decision !== "override") {
        throw new ParallaxError("BAD_REQUEST", "Say whether you accept or override the flag", [
          { path: "decision", message: 'must be "accept" or "override"' },
        ]);
      }
      if (typeof comment !== "string" || comment.trim().length < 3 || comment.length > 2000) {
        throw new ParallaxError("BAD_REQUEST", "A decision needs a comment", [
          { path: "comment", message: "must say why, in 3 to 2,000 characters" },
        ]);
      }
      const reviewer = currentUser(request).email;
      const { response, rule } = request.params;
      const found = await qualityRepository(context.db).decide(study.definition.id, {
        responseId: response,
        rule,
        decision,
        comment,
        reviewer,
      });
      if (!found) throw new ParallaxError("NOT_FOUND", `Response ${response} has no "${rule}" flag`);
      await audit.append({
        actor: reviewer,
        action: "flag_review",
        target: `${response} ${rule}`,
        details: { decision, comment },
        source: request.ip,
      });
      return { response, rule, decision };
    },
  );
}
