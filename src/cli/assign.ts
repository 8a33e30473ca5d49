import type { Command } from "commander";
import { ParallaxError } from "../errors.ts";
import { assignmentRepository } from "../store/assignmentRepository.ts";
import { auditRepository } from "../store/auditRepository.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { studyRepository } from "../store/studyRepository.ts";
import { userRepository } from "../store/userRepository.ts";
import { dbOption } from "./dbOption.ts";

interface AssignOptions {
  study: string;
  population: string;
  interviewer: string;
  sites: string;
  db: string;
}

export function registerAssignCommand(program: Command): void {
  program
    .command("assign")
    .description(
      "assign an interviewer to a population and some of its sites (assigning again replaces the sites)",
    )
    .requiredOption("--study <id>")
    .requiredOption("--population <id>")
    .requiredOption("--interviewer <email>", "a user with the role interviewer")
    .requiredOption("--sites <ids>", "comma-separated site ids, e.g. ar,br")
    .addOption(dbOption())
    .action(async (options: AssignOptions) => assign(options));
}

async function assign(options: AssignOptions): Promise<void> {
  const sites = options.sites
    .split(",")
    .map((site) => site.trim())
    .filter(Boolean);
  if (sites.length === 0) {
    throw new ParallaxError("USAGE", "Give at least one site", [{ path: "--sites", message: "empty" }]);
  }
  const store = await openDatabase(options.db);
  try {
    const study = await studyRepository(store.db).definition(options.study);
    if (!study) throw new ParallaxError("STUDY_NOT_FOUND", `No study ${options.study} in ${store.location}`);
    const population = study.populations.find((candidate) => candidate.id === options.population);
    if (!population) {
      throw new ParallaxError("POPULATION_NOT_FOUND", `No population ${options.population} in ${study.id}`, [
        { path: "--population", message: study.populations.map((item) => item.id).join(", ") },
      ]);
    }
    if (!population.modes.includes("f2f")) {
      throw new ParallaxError("USAGE", `Population ${population.id} is not interviewed face to face`, [
        { path: "--population", message: `modes: ${population.modes.join(", ")}` },
      ]);
    }
    const known = new Set(population.sites.map((site) => site.id));
    const unknown = sites.filter((site) => !known.has(site));
    if (unknown.length > 0) {
      throw new ParallaxError("USAGE", `No site ${unknown.join(", ")} in ${population.id}`, [
        { path: "--sites", message: `known: ${[...known].join(", ")}` },
      ]);
    }
    const user = await userRepository(store.db).findByEmail(options.interviewer);
    if (!user) {
      throw new ParallaxError("NOT_FOUND", `No user ${options.interviewer}`, [
        { path: "--interviewer", message: "add one with `parallax user add --role interviewer`" },
      ]);
    }
    if (user.role !== "interviewer" || user.disabled) {
      throw new ParallaxError("USAGE", `${user.email} is not an active interviewer`, [
        { path: "--interviewer", message: user.disabled ? "disabled" : `role ${user.role}` },
      ]);
    }
    const assignment = await assignmentRepository(store.db).assign({
      studyId: study.id,
      populationId: population.id,
      userId: user.id,
      sites,
      assignedBy: "cli",
    });
    await auditRepository(store).append({
      actor: "cli",
      action: "interviewer_assigned",
      target: `${study.id}/${population.id}`,
      details: { interviewer: user.email, sites: assignment.sites },
      source: "cli",
    });
    process.stdout.write(`${JSON.stringify(assignment)}\n`);
    process.stderr.write(
      `Assigned ${user.email} to ${study.id}/${population.id}: ${assignment.sites.join(", ")}\n`,
    );
  } finally {
    await store.close();
  }
}
