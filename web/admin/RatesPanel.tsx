import { useCallback, useState } from "react";
import type { RatesGroup, RatesReport } from "../../src/fieldwork/rates/ratesReport.ts";
import { localized, siteName } from "../interviewer/localizedNames.ts";
import { adminApi, type StudyInfo } from "./adminApi.ts";
import type { AdminMessages } from "./adminMessages.ts";
import { LiveStatus } from "./LiveStatus.tsx";
import { useLive } from "./useLive.ts";

const rateColumns = ["RR1", "RR2", "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP3", "REF1", "CON1"] as const;
const refreshMs = 30_000;

/** AAPOR rates of the invited sample and participation figures of the open links, per population or site. */
export function RatesPanel(props: { study: StudyInfo; language: string; messages: AdminMessages }) {
  const { study, language, messages } = props;
  const [bySite, setBySite] = useState(false);
  const load = useCallback(
    () => adminApi.get<RatesReport>(study.id, `/rates?by=${bySite ? "site" : "population"}`),
    [study.id, bySite],
  );
  const live = useLive(load, refreshMs);
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(language);
  const show = (value: number | null) => (value === null ? messages.notApplicable : percent.format(value));
  const label = (group: RatesGroup) => {
    const population = study.populations.find((entry) => entry.id === group.populationId);
    const name = localized(population?.name, language) || group.populationId;
    if (group.siteId === undefined) return name;
    const site = population?.sites.find((entry) => entry.id === group.siteId);
    return `${name} · ${group.siteId === null ? "–" : siteName(site, group.siteId, language)}`;
  };
  return (
    <section className="ad-card" aria-labelledby="rates-title">
      <h2 id="rates-title">{messages.ratesTitle}</h2>
      <label className="ad-inline">
        <input type="checkbox" checked={bySite} onChange={(event) => setBySite(event.target.checked)} />
        {messages.togglesBySite}
      </label>
      <LiveStatus live={live} language={language} messages={messages} />
      {live.data && (
        <>
          <h3>{messages.ratesInvited}</h3>
          {live.data.groups.every((group) => group.invited.cases === 0) ? (
            <p className="ad-muted" data-note="no-invitations">
              {messages.noInvitations}
            </p>
          ) : (
            <div className="ad-scroll">
              <table className="ad-table" data-table="invited">
                <thead>
                  <tr>
                    <th>{messages.population}</th>
                    <th>{messages.cases}</th>
                    {rateColumns.map((name) => (
                      <th key={name}>{name}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {live.data.groups.map((group) => (
                    <tr key={label(group)}>
                      <th scope="row">{label(group)}</th>
                      <td>{number.format(group.invited.cases)}</td>
                      {rateColumns.map((name) => (
                        <td key={name} title={group.invited.rates[name].formula}>
                          {show(group.invited.rates[name].value)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{messages.ratesOptIn}</h3>
          <p className="ad-muted">{messages.optInNote}</p>
          <div className="ad-scroll">
            <table className="ad-table" data-table="opt-in">
              <thead>
                <tr>
                  <th>{messages.population}</th>
                  <th>{messages.cases}</th>
                  <th>{messages.complete}</th>
                  <th>{messages.partial}</th>
                  <th>{messages.screenedOut}</th>
                  <th>{messages.completionRate}</th>
                  <th>{messages.breakOffRate}</th>
                </tr>
              </thead>
              <tbody>
                {live.data.groups.map((group) => (
                  <tr key={label(group)}>
                    <th scope="row">{label(group)}</th>
                    <td>{number.format(group.optIn.cases)}</td>
                    <td>{number.format(group.optIn.counts.I)}</td>
                    <td>{number.format(group.optIn.counts.P)}</td>
                    <td>{number.format(group.optIn.counts.NE)}</td>
                    <td>{show(group.optIn.completionRate.value)}</td>
                    <td>{show(group.optIn.breakOffRate.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
