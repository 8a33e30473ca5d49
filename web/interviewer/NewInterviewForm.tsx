import { useState } from "react";
import type { AssignmentInfo } from "./assignmentTypes.ts";
import { localized, siteName } from "./localizedNames.ts";
import { type AppMessages, fill } from "./messages.ts";
import { siteIsFull } from "./quotaWarnings.ts";

export interface InterviewChoice {
  assignment: AssignmentInfo;
  site: string;
  language: string;
  consentLocation: boolean;
}

interface Props {
  assignments: AssignmentInfo[];
  appLanguage: string;
  messages: AppMessages;
  onStart(choice: InterviewChoice): void;
  onContact(choice: InterviewChoice, outcome: "refusal" | "non_contact"): void;
}

/** Where, in which language and with which consent the next interview runs; or a contact that gave none. */
export function NewInterviewForm({ assignments, appLanguage, messages, onStart, onContact }: Props) {
  const [assignmentId, setAssignmentId] = useState(assignments[0]?.id ?? "");
  const assignment = assignments.find((item) => item.id === assignmentId) ?? assignments[0];
  const [site, setSite] = useState("");
  const [language, setLanguage] = useState("");
  const [consent, setConsent] = useState(false);
  const [consentLocation, setConsentLocation] = useState(false);
  if (!assignment) return null;
  const population = assignment.population;
  const chosenSite = assignment.sites.includes(site) ? site : assignment.sites[0];
  const chosenLanguage = population.languages.includes(language) ? language : population.languages[0];
  const choice: InterviewChoice = { assignment, site: chosenSite, language: chosenLanguage, consentLocation };
  const full = siteIsFull(population, assignment.quotaCells, chosenSite);
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([appLanguage], { type: "language" }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  return (
    <section className="ix-card ix-new">
      <h2>{messages.newInterview}</h2>
      {assignments.length > 1 && (
        <label>
          {messages.assignments}
          <select
            name="assignment"
            value={assignment.id}
            onChange={(event) => setAssignmentId(event.target.value)}
          >
            {assignments.map((item) => (
              <option key={item.id} value={item.id}>
                {`${localized(item.study.title, appLanguage)} — ${localized(item.population.name, appLanguage)}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {messages.site}
        <select name="site" value={chosenSite} onChange={(event) => setSite(event.target.value)}>
          {assignment.sites.map((id) => (
            <option key={id} value={id}>
              {siteName(
                population.sites.find((item) => item.id === id),
                id,
                appLanguage,
              )}
            </option>
          ))}
        </select>
      </label>
      {full && (
        <p className="ix-warning" role="alert">
          {fill(messages.siteFull, { site: chosenSite })}
        </p>
      )}
      <label>
        {messages.respondentLanguage}
        <select name="language" value={chosenLanguage} onChange={(event) => setLanguage(event.target.value)}>
          {population.languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="ix-check">
        <input
          type="checkbox"
          name="consent"
          checked={consent}
          onChange={(event) => setConsent(event.target.checked)}
        />
        {messages.consentInterview}
      </label>
      <label className="ix-check">
        <input
          type="checkbox"
          name="consentLocation"
          checked={consentLocation}
          disabled={!consent}
          onChange={(event) => setConsentLocation(event.target.checked)}
        />
        {messages.consentLocation}
      </label>
      <div className="ix-actions">
        <button
          type="button"
          className="ix-start ix-primary"
          disabled={!consent}
          onClick={() => {
            onStart(choice);
            setConsent(false);
            setConsentLocation(false);
          }}
        >
          {messages.start}
        </button>
        <button type="button" className="ix-refused" onClick={() => onContact(choice, "refusal")}>
          {messages.refused}
        </button>
        <button type="button" className="ix-not-home" onClick={() => onContact(choice, "non_contact")}>
          {messages.notHome}
        </button>
      </div>
      {!consent && <p className="ix-hint">{messages.needConsent}</p>}
    </section>
  );
}
