import { useCallback } from "react";
import type { Toplines } from "../../src/report/dashboardToplines.ts";
import type { Estimate } from "../../src/report/model/reportModel.ts";
import { localized } from "../interviewer/localizedNames.ts";
import { adminApi, type StudyInfo } from "./adminApi.ts";
import { type AdminMessages, fill } from "./adminMessages.ts";
import { LiveStatus } from "./LiveStatus.tsx";
import { useLive } from "./useLive.ts";

const refreshMs = 30_000;
const palette = ["#1f4e79", "#c0504d", "#4f8a3c", "#8064a2"];

/** One share as a bar with its 95% interval drawn as a whisker, on a 0–100% scale. */
function IntervalBar({ estimate, color, label }: { estimate: Estimate; color: string; label: string }) {
  const x = (value: number) => Math.max(0, Math.min(100, value * 100));
  return (
    <svg
      className="ad-interval"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <rect x="0" y="2" width={x(estimate.estimate)} height="6" fill={color} opacity="0.8" />
      <line x1={x(estimate.ci[0])} x2={x(estimate.ci[1])} y1="5" y2="5" stroke="#111" strokeWidth="0.6" />
      <line x1={x(estimate.ci[0])} x2={x(estimate.ci[0])} y1="2.5" y2="7.5" stroke="#111" strokeWidth="0.6" />
      <line x1={x(estimate.ci[1])} x2={x(estimate.ci[1])} y1="2.5" y2="7.5" stroke="#111" strokeWidth="0.6" />
    </svg>
  );
}

/** Every closed question's shares per population with their intervals, as the valid set stands now. */
export function ToplinesPanel(props: { study: StudyInfo; language: string; messages: AdminMessages }) {
  const { study, language, messages } = props;
  const load = useCallback(
    () => adminApi.get<Toplines>(study.id, `/toplines?lang=${encodeURIComponent(language)}`),
    [study.id, language],
  );
  const live = useLive(load, refreshMs);
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(language);
  const populationName = (id: string) =>
    localized(study.populations.find((population) => population.id === id)?.name, language) || id;
  const data = live.data;
  const populations = study.populations.map((population) => population.id);
  const weighted = data?.weightedPopulations.length
    ? fill(messages.weightedNote, { populations: data.weightedPopulations.map(populationName).join(", ") })
    : messages.unweightedNote;
  return (
    <section className="ad-card" aria-labelledby="toplines-title">
      <h2 id="toplines-title">{messages.toplinesTitle}</h2>
      <LiveStatus live={live} language={language} messages={messages} />
      {data && (
        <>
          {data.simulated > 0 && (
            <p className="ad-simulated" role="note">
              {messages.simulated}
            </p>
          )}
          <p className="ad-muted">{fill(messages.toplinesNote, { weighted: `${weighted} ` })}</p>
          <ul className="ad-legend">
            {populations.map((population, index) => (
              <li key={population}>
                <span className="ad-swatch" style={{ background: palette[index % palette.length] }} />
                {populationName(population)} ({messages.base} {number.format(data.bases[population] ?? 0)})
              </li>
            ))}
          </ul>
          {data.concepts.length === 0 && <p>{messages.noData}</p>}
          {data.concepts.map((concept) => (
            <figure key={concept.id} className="ad-topline" data-concept={concept.id}>
              <figcaption>{concept.label}</figcaption>
              <table className="ad-topline-table">
                <tbody>
                  {concept.values.map((value) => (
                    <tr key={value.value}>
                      <th scope="row">{value.label}</th>
                      <td>
                        {populations.map((population, index) => {
                          const estimate = value.byPopulation[population];
                          if (!estimate) return null;
                          const text = `${percent.format(estimate.estimate)} (${percent.format(estimate.ci[0])}–${percent.format(estimate.ci[1])})`;
                          return (
                            <div key={population} className="ad-topline-row">
                              <IntervalBar
                                estimate={estimate}
                                color={palette[index % palette.length]}
                                label={`${populationName(population)}: ${text}`}
                              />
                              <span className="ad-figure">{text}</span>
                            </div>
                          );
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          ))}
        </>
      )}
    </section>
  );
}
