import type { ReportMessages } from "../messages/messages.ts";

/**
 * One rounding rule for the whole report: shares and their intervals as whole percentages, differences as
 * whole percentage points, p-values to three decimals (below 0.001 as "< 0.001"), other figures to one
 * decimal. Digits and separators follow the report's language.
 */
export interface ReportFormat {
  share(value: number): string;
  /** A share without the % sign, for interval bounds in tables. */
  shareNumber(value: number): string;
  points(value: number): string;
  p(value: number): string;
  decimal(value: number, digits?: number): string;
  integer(value: number): string;
  date(iso: string): string;
}

export function reportFormat(messages: ReportMessages): ReportFormat {
  const locale = messages.locale === "zh-cn" ? "zh-CN" : messages.locale;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const threeDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimal = (value: number, digits = 1) => {
    let format = decimals.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      decimals.set(digits, format);
    }
    return Number.isFinite(value) ? format.format(value) : "–";
  };
  const dateFormat = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  return {
    share: (value) => (Number.isFinite(value) ? percent.format(value) : "–"),
    shareNumber: (value) => (Number.isFinite(value) ? whole.format(Math.round(value * 100)) : "–"),
    points: (value) => (Number.isFinite(value) ? signed.format(Math.round(value * 100) || 0) : "–"),
    p: (value) =>
      !Number.isFinite(value)
        ? "–"
        : value < 0.001
          ? `< ${threeDecimals.format(0.001)}`
          : `= ${threeDecimals.format(value)}`,
    decimal,
    integer: (value) => whole.format(value),
    date: (iso) => {
      const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isFinite(time) ? dateFormat.format(new Date(time)) : iso;
    },
  };
}
