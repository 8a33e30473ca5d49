import type { LoadedStudy } from "../study/types.ts";
import { respondentLink } from "./studySummary.ts";

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The landing page: the staff apps, then each study, each population, a link to answer in each language. */
export function renderLandingPage(studies: LoadedStudy[]): string {
  const sections = studies.map((study) => {
    const title = study.definition.title.en ?? Object.values(study.definition.title)[0];
    const populations = study.definition.populations.map((population) => {
      const name = population.name.en ?? Object.values(population.name)[0];
      const links = population.languages
        .map((language) => {
          const href = respondentLink(study.definition.id, population.id, language);
          const label = languageNames.of(language) ?? language;
          return `<li><a href="${escapeHtml(href)}" hreflang="${escapeHtml(language)}">${escapeHtml(label)}</a></li>`;
        })
        .join("");
      return `<h3>${escapeHtml(name)}</h3><ul>${links}</ul>`;
    });
    return `<section><h2>${escapeHtml(title)}</h2>${populations.join("")}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Parallax</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head><body><h1>Parallax</h1><nav><a href="/admin">Dashboard</a> (staff) · <a href="/interviewer">Interviewer app</a></nav>${sections.join("")}</body></html>`;
}
