import type { StudyDefinition } from "../study/types.ts";

export interface SiteCount {
  populationId: string;
  siteId: string | null;
  status: string;
  count: number;
}

/** Where fieldwork stands: per population and site, responses by status against the site's target. */
export function fieldworkProgress(study: StudyDefinition, counts: SiteCount[]) {
  return {
    populations: study.populations.map((population) => ({
      id: population.id,
      sites: population.sites.map((site) => {
        const byStatus: Record<string, number> = {};
        for (const count of counts) {
          if (count.populationId === population.id && count.siteId === site.id)
            byStatus[count.status] = count.count;
        }
        return { id: site.id, target: site.target, complete: byStatus.complete ?? 0, byStatus };
      }),
    })),
  };
}
