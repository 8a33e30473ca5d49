import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { authenticate } from "./auth/authenticate.ts";
import type { ServerContext } from "./context.ts";
import { replyWithError } from "./errorHandler.ts";
import { limitJsonDepth } from "./limitJsonDepth.ts";
import { apiRoutes } from "./routes/apiRoutes.ts";
import { authRoutes } from "./routes/authRoutes.ts";
import { interviewerRoutes } from "./routes/interviewerRoutes.ts";
import { pageRoutes } from "./routes/pageRoutes.ts";
import { staffRoutes } from "./routes/staffRoutes.ts";

export interface ServerOptions {
  /** pino logging; off in tests. */
  logger?: boolean;
  /** Submissions per minute per client address on the responses route (default 600). */
  submissionRateLimit?: number;
}

/** Builds the Fastify app over a context; the caller decides where it listens. */
export async function buildServer(
  context: ServerContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: "info" } : false,
    bodyLimit: 1024 * 1024,
    // Request ids in logs, never in replies; the client already sends its own response UUID.
    genReqId: () => crypto.randomUUID(),
  });
  app.setErrorHandler(replyWithError);
  limitJsonDepth(app);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: "NOT_FOUND", message: `No route ${request.method} ${request.url}`, details: [] },
    });
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // SurveyJS sets element styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  authenticate(app, context);
  await authRoutes(app, context);
  await apiRoutes(app, context, { submissionRateLimit: options.submissionRateLimit });
  await staffRoutes(app, context);
  await interviewerRoutes(app, context);
  await pageRoutes(app, context);
  return app;
}
