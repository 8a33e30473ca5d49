import { useCallback, useState } from "react";
import type { InterviewerVerdict, RuleSummary, SiteSummary } from "../../src/quality/index.ts";
import { indicatorNames } from "../../src/quality/reasons.ts";
import { reportMessages } from "../../src/report/messages/index.ts";
import type { StoredFlag } from "../../src/store/qualityRepository.ts";
import { adminApi, type Session, type StudyInfo } from "./adminApi.ts";
import { type AdminMessages, fill } from "./adminMessages.ts";
import { FlagReview } from "./FlagReview.tsx";
import { LiveStatus } from "./LiveStatus.tsx";
import { useLive } from "./useLive.ts";

export interface QualityReply {
  screenedAt: string | null;
  responses: number;
  simulated: number;
  rules: RuleSummary[];
  sites: SiteSummary[];
  interviewers: InterviewerVerdict[];
}

const refreshMs = 30_000;
const pageSize = 100;

interface Props {
  study: StudyInfo;
  language: string;
  messages: AdminMessages;
  session: Session;
  /** Admins and fieldwork managers run the screen and decide on flags; analysts only read. */
  canReview: boolean;
}

/** The screen's counts per rule, the flagged responses with their reasons, and the interviewer checks. */
export function QualityPanel({ study, language, messages, session, canReview }: Props) {
  const [rule, setRule] = useState("");
  const [screening, setScreening] = useState(false);
  const [problem, setProblem] = useState<string>();
  const load = useCallback(
    async () => ({
      quality: await adminApi.get<QualityReply>(study.id, "/quality"),
      flags: (await adminApi.get<{ flags: StoredFlag[] }>(study.id, "/flags")).flags,
    }),
    [study.id],
  );
  const live = useLive(load, refreshMs);
  const ruleNames = reportMessages(language).ruleNames;
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  const time = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const reasonOf = (flag: StoredFlag) => flag.reason[language] ?? flag.reason.en ?? "";
  const flags = live.data?.flags.filter((flag) => !rule || flag.rule === rule) ?? [];
  const screen = async () => {
    setScreening(true);
    setProblem(undefined);
    try {
      await adminApi.post(session, study.id, "/quality/screen", {});
      live.refresh();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setScreening(false);
    }
  };
  return (
    <section className="ad-card" aria-labelledby="quality-title">
      <h2 id="quality-title">{messages.qualityTitle}</h2>
      <LiveStatus live={live} language={language} messages={messages} />
      {live.data && (
        <>
          <p className="ad-actions">
            <span data-screened-at={live.data.quality.screenedAt ?? ""}>
              {live.data.quality.screenedAt
                ? fill(messages.screenedAt, { time: time(live.data.quality.screenedAt) })
                : messages.neverScreened}
            </span>
            {canReview && (
              <button type="button" onClick={screen} disabled={screening}>
                {screening ? messages.screening : messages.screenNow}
              </button>
            )}
          </p>
          {problem && (
            <p className="ad-problem" role="alert">
              {problem}
            </p>
          )}
          <table className="ad-table" data-table="rules">
            <thead>
              <tr>
                <th>{messages.rule}</th>
                <th>{messages.flagged}</th>
                <th>{messages.share}</th>
              </tr>
            </thead>
            <tbody>
              {live.data.quality.rules.map((entry) => (
                <tr key={entry.rule} data-rule={entry.rule}>
                  <th scope="row">{ruleNames[entry.rule] ?? entry.rule}</th>
                  <td>{number.format(entry.flagged)}</td>
                  <td>{percent.format(entry.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{messages.interviewerChecks}</h3>
          {live.data.quality.interviewers.length === 0 ? (
            <p className="ad-muted">{messages.noInterviewerChecks}</p>
          ) : (
            <div className="ad-scroll">
              <table className="ad-table" data-table="interviewer-checks">
                <thead>
                  <tr>
                    <th>{messages.interviewer}</th>
                    <th>{messages.population}</th>
                    <th>{messages.interviews}</th>
                    <th>{messages.distance}</th>
                    <th>{messages.decision}</th>
                    <th>{messages.drivers}</th>
                  </tr>
                </thead>
                <tbody>
                  {live.data.quality.interviewers.map((verdict) => (
                    <tr
                      key={`${verdict.population}/${verdict.interviewer}`}
                      data-interviewer={verdict.interviewer}
                      className={verdict.flagged ? "ad-flagged" : ""}
                    >
                      <th scope="row">{verdict.interviewer}</th>
                      <td>{verdict.population}</td>
                      <td>{number.format(verdict.interviews)}</td>
                      <td>
                        {verdict.distance.toFixed(1)} ({verdict.threshold.toFixed(1)})
                      </td>
                      <td>{verdict.flagged ? messages.verdictFlagged : messages.verdictClear}</td>
                      <td>
                        {verdict.drivers
                          .map((driver) => {
                            const name =
                              indicatorNames[driver]?.[language] ?? indicatorNames[driver]?.en ?? driver;
                            return `${name} (z = ${verdict.indicators[driver]?.toFixed(1) ?? "?"})`;
                          })
                          .join("; ")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h3>{messages.flaggedResponses}</h3>
          <label className="ad-inline">
            {messages.rule}
            <select name="rule" value={rule} onChange={(event) => setRule(event.target.value)}>
              <option value="">{messages.allRules}</option>
              {live.data.quality.rules
                .filter((entry) => entry.flagged > 0)
                .map((entry) => (
                  <option key={entry.rule} value={entry.rule}>
                    {ruleNames[entry.rule] ?? entry.rule}
                  </option>
                ))}
            </select>
          </label>
          <p className="ad-muted">
            {fill(messages.showing, {
              shown: number.format(Math.min(pageSize, flags.length)),
              total: number.format(flags.length),
            })}
          </p>
          <ul className="ad-flags">
            {flags.slice(0, pageSize).map((flag) => (
              <li key={`${flag.id} ${flag.rule}`} data-flag={`${flag.id} ${flag.rule}`}>
                <div className="ad-flag-head">
                  <code>{flag.id}</code>
                  <strong>{ruleNames[flag.rule] ?? flag.rule}</strong>
                  <span className={`ad-severity ad-severity-${flag.severity}`}>
                    {flag.severity === "exclude" ? messages.exclude : messages.review}
                  </span>
                  {flag.decision && (
                    <span className="ad-decision" title={flag.decision.comment}>
                      {flag.decision.decision === "accept" ? messages.accepted : messages.overridden} ·{" "}
                      {flag.decision.reviewer}
                    </span>
                  )}
                </div>
                <p className="ad-reason">{reasonOf(flag)}</p>
                {canReview && (
                  <FlagReview
                    flag={flag}
                    messages={messages}
                    onDecide={async (decision, comment) => {
                      await adminApi.post(
                        session,
                        study.id,
                        `/flags/${encodeURIComponent(flag.id)}/${encodeURIComponent(flag.rule)}/review`,
                        { decision, comment },
                      );
                      live.refresh();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
