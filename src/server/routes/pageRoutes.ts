import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { ParallaxError } from "../../errors.ts";
import type { ServerContext } from "../context.ts";
import { renderLandingPage } from "../landingPage.ts";

interface RespondentParams {
  study: string;
  population: string;
  language: string;
}

/** The pages people open: the landing page with every link, and the respondent page per population and language. */
export async function pageRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  await app.register(fastifyStatic, {
    root: join(context.webRoot, "assets"),
    prefix: "/assets/",
    immutable: true,
    maxAge: "365d",
  });
  const respondentHtml = await readFile(join(context.webRoot, "respondent.html"), "utf8").catch(() => {
    throw new ParallaxError("FILE_UNREADABLE", "The web app is not built", [
      { path: context.webRoot, message: "run `npm run build:web` (npm ci does this)" },
    ]);
  });

  app.get("/", async (_request, reply) => {
    void reply.type("text/html; charset=utf-8");
    return renderLandingPage(context.catalogue.list());
  });

  app.get<{ Params: RespondentParams }>("/s/:study/:population/:language", async (request, reply) => {
    const { population } = context.catalogue.population(request.params.study, request.params.population);
    if (!population.languages.includes(request.params.language)) {
      throw new ParallaxError(
        "NOT_FOUND",
        `This questionnaire is not offered in "${request.params.language}"`,
      );
    }
    void reply.type("text/html; charset=utf-8").header("cache-control", "no-cache");
    return respondentHtml;
  });
}
