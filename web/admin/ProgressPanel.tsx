import { useCallback } from "react";
import { localized, siteName } from "../interviewer/localizedNames.ts";
import { adminApi, type StudyInfo } from "./adminApi.ts";
import type { AdminMessages } from "./adminMessages.ts";
import { LiveStatus } from "./LiveStatus.tsx";
import type { QualityReply } from "./QualityPanel.tsx";
import { useLive } from "./useLive.ts";

interface FieldworkReply {
  populations: Array<{
    id: string;
    sites: Array<{ id: string; target: number; complete: number; byStatus: Record<string, number> }>;
  }>;
}

interface QuotasReply {
  cells: Array<{ populationId: string; quotaId: string; cell: string; target: number; count: number }>;
}

const refreshMs = 10_000;

function Bar({ value, target, label }: { value: number; target: number; label: string }) {
  const share = target > 0 ? value / target : 0;
  return (
    <span className="ad-bar" role="img" aria-label={label}>
      <span
        className={share >= 1 ? "ad-bar-fill ad-bar-done" : "ad-bar-fill"}
        style={{ width: `${Math.min(100, share * 100).toFixed(1)}%` }}
      />
    </span>
  );
}

/** Complete and valid responses per population and site against the site's target, and every quota cell. */
export function ProgressPanel(props: { study: StudyInfo; language: string; messages: AdminMessages }) {
  const { study, language, messages } = props;
  const load = useCallback(
    async () => ({
      fieldwork: await adminApi.get<FieldworkReply>(study.id, "/fieldwork"),
      quotas: await adminApi.get<QuotasReply>(study.id, "/quotas"),
      quality: await adminApi.get<QualityReply>(study.id, "/quality"),
    }),
    [study.id],
  );
  const live = useLive(load, refreshMs);
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section className="ad-card" aria-labelledby="progress-title">
      <h2 id="progress-title">{messages.progressTitle}</h2>
      <LiveStatus live={live} language={language} messages={messages} />
      {live.data?.quality.simulated ? (
        <p className="ad-simulated" role="note">
          {messages.simulated}
        </p>
      ) : null}
      {live.data &&
        study.populations.map((population) => {
          const sites =
            live.data?.fieldwork.populations.find((entry) => entry.id === population.id)?.sites ?? [];
          const validOf = (site: string) =>
            live.data?.quality.sites.find(
              (entry) => entry.population === population.id && entry.site === site,
            )?.valid ?? 0;
          const totals = sites.reduce(
            (sum, site) => ({ target: sum.target + site.target, valid: sum.valid + validOf(site.id) }),
            { target: 0, valid: 0 },
          );
          const cells = live.data?.quotas.cells.filter((cell) => cell.populationId === population.id) ?? [];
          return (
            <div key={population.id} className="ad-population" data-population={population.id}>
              <h3>
                {localized(population.name, language)}{" "}
                <span className="ad-muted">
                  {number.format(totals.valid)} / {number.format(totals.target)}{" "}
                  {messages.valid.toLowerCase()} (
                  {percent.format(totals.target ? totals.valid / totals.target : 0)} {messages.ofTarget})
                </span>
              </h3>
              <div className="ad-scroll">
                <table className="ad-table">
                  <thead>
                    <tr>
                      <th>{messages.site}</th>
                      <th>{messages.target}</th>
                      <th>{messages.complete}</th>
                      <th>{messages.valid}</th>
                      <th>{messages.ofTarget}</th>
                      <th>{messages.partial}</th>
                      <th>{messages.screenedOut}</th>
                      <th>{messages.quotaFull}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sites.map((site) => {
                      const valid = validOf(site.id);
                      const name = siteName(
                        population.sites.find((entry) => entry.id === site.id),
                        site.id,
                        language,
                      );
                      return (
                        <tr key={site.id} data-site={site.id}>
                          <th scope="row">{name}</th>
                          <td>{number.format(site.target)}</td>
                          <td>{number.format(site.complete)}</td>
                          <td>{number.format(valid)}</td>
                          <td className="ad-bar-cell">
                            <Bar
                              value={valid}
                              target={site.target}
                              label={`${name}: ${valid} / ${site.target}`}
                            />
                            {percent.format(site.target ? valid / site.target : 0)}
                          </td>
                          <td>{number.format(site.byStatus.partial ?? 0)}</td>
                          <td>{number.format(site.byStatus.screened_out ?? 0)}</td>
                          <td>{number.format(site.byStatus.quota_full ?? 0)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <h4>{messages.quotasTitle}</h4>
              {cells.length === 0 ? (
                <p className="ad-muted">{messages.noQuotas}</p>
              ) : (
                <table className="ad-table ad-quotas">
                  <thead>
                    <tr>
                      <th>{messages.quota}</th>
                      <th>{messages.cell}</th>
                      <th>{messages.count}</th>
                      <th>{messages.target}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {cells.map((cell) => (
                      <tr
                        key={`${cell.quotaId}/${cell.cell}`}
                        className={cell.count >= cell.target ? "ad-full" : ""}
                      >
                        <td>
                          {localized(
                            population.quotas?.find((quota) => quota.id === cell.quotaId)?.label,
                            language,
                          ) || cell.quotaId}
                        </td>
                        <td>{cell.cell.replaceAll("|", " × ")}</td>
                        <td>{number.format(cell.count)}</td>
                        <td>{number.format(cell.target)}</td>
                        <td className="ad-bar-cell">
                          <Bar
                            value={cell.count}
                            target={cell.target}
                            label={`${cell.cell}: ${cell.count} / ${cell.target}`}
                          />
                          {cell.count >= cell.target ? messages.full : ""}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          );
        })}
    </section>
  );
}
