import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { errorCatalogue, isParallaxError } from "../errors.ts";

/**
 * The one place where errors become HTTP replies: catalogue errors keep their code, status and details;
 * malformed requests are 400; anything unexpected is a generic 500 and a log line, never a stack trace.
 */
export function replyWithError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (isParallaxError(error)) {
    void reply
      .status(error.status)
      .send({ error: { code: error.code, message: error.message, details: error.details } });
    return;
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 404 ? "NOT_FOUND" : status === 429 ? "RATE_LIMITED" : "BAD_REQUEST";
    void reply.status(status).send({
      error: { code, message: clientMessage(fastifyError), details: [] },
    });
    return;
  }
  request.log.error({ err: error }, "unexpected error");
  void reply
    .status(500)
    .send({ error: { code: "INTERNAL", message: errorCatalogue.INTERNAL.message, details: [] } });
}

function clientMessage(error: FastifyError): string {
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
    return "The body must be JSON (Content-Type: application/json)";
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return "The body is too large";
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") return "The body is empty";
  if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY")
    return "The body is not valid JSON";
  return error.message;
}
