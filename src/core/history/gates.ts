/**
 * Opt-in gates: limits on a run's energy, emissions, and energy regression against the
 * baseline. Pure: the caller decides what a failed gate does (post fails the job). Gate names
 * are passed in so the messages name the inputs exactly as the user wrote them.
 */
import { noiseLimitKwh, type Comparison } from "./baseline.js";
import type { Report } from "../report/report.js";
import { formatEnergy, formatEnergyRange, formatMass } from "../units.js";

/** The limits; `null` turns a gate off. */
export interface GateLimits {
  /**
   * Largest accepted energy increase over the baseline, percent: a run fails only when even the
   * low end of its range is above the baseline's median x (1 + percent/100) + 2 x its spread.
   */
  maxRegressionPercent: number | null;
  /** Largest accepted GPU energy, kWh. */
  maxEnergyKwh: number | null;
  /** Largest accepted emissions, kg CO2e. */
  maxEmissionsKg: number | null;
}

export type GateKind = "regression" | "energy" | "emissions";

/** What one gate found. */
export interface GateResult {
  kind: GateKind;
  /** The input that set it, e.g. `max-energy-kwh`. */
  name: string;
  /** `pass`, `fail`, or `skipped` when the figure it needs is unknown (not measured, no baseline). */
  outcome: "pass" | "fail" | "skipped";
  /** The figure, formatted (e.g. `1.20 kWh`, `+12.0%`); `n/a` when unknown. */
  figure: string;
  /** The limit, formatted. */
  limit: string;
  /** One sentence naming the gate, the figure and the limit. */
  message: string;
  /** For the regression gate: why a change over the limit still passed (`within noise: ...`), or what made it fail; else `null`. */
  noise: string | null;
}

/** Percent with sign and one decimal: `+12.0%`, `-3.5%`. */
export function formatChange(percent: number | null): string {
  if (percent === null) return "n/a";
  const rounded = Math.round(percent * 10) / 10;
  return `${rounded > 0 ? "+" : ""}${rounded.toFixed(1)}%`;
}

function gate(
  kind: GateKind,
  name: string,
  value: number | null,
  limit: number,
  figure: string,
  limitText: string,
  what: string,
  why: string,
): GateResult {
  if (value === null) {
    return { kind, name, outcome: "skipped", figure, limit: limitText, message: `Gate '${name}' was not checked: ${why}.`, noise: null };
  }
  const failed = value > limit;
  return {
    kind,
    name,
    outcome: failed ? "fail" : "pass",
    figure,
    limit: limitText,
    message: failed
      ? `Gate '${name}' failed: ${what} ${figure} is above the limit of ${limitText}.`
      : `Gate '${name}' passed: ${what} ${figure} is within the limit of ${limitText}.`,
    noise: null,
  };
}

/**
 * The regression gate: the change is over the limit only when the low end of this run's range is
 * above the baseline's median x (1 + limit/100) + 2 x its spread, so run-to-run noise and the
 * measurement's own uncertainty never fail a build.
 */
function regressionGate(name: string, comparison: Comparison | null, limit: number): GateResult {
  const change = comparison?.energyPercent ?? null;
  const figure = formatChange(change);
  const limitText = `+${limit}%`;
  const range = comparison?.current.energyKwhRange ?? null;
  if (comparison === null || change === null || range === null) {
    const why = comparison === null ? "there is no baseline to compare with yet" : "the energy of this run is unknown";
    return gate("regression", name, null, limit, figure, limitText, "", why);
  }
  const b = comparison.baseline;
  const limitKwh = noiseLimitKwh(b, limit);
  const how = `median ${formatEnergy(b.energyKwh)} x ${(1 + limit / 100).toFixed(2)} + 2 x spread ${formatEnergy(b.spreadKwh)} = ${formatEnergy(limitKwh)}`;
  const low = formatEnergy(range[0]);
  if (range[0] > limitKwh) {
    return {
      kind: "regression",
      name,
      outcome: "fail",
      figure,
      limit: limitText,
      message: `Gate '${name}' failed: energy change against the baseline ${figure} is above the limit of ${limitText}, beyond noise: even the low end of this run's range (${low}) is above the baseline's ${how}.`,
      noise: `beyond noise: this run's range ${formatEnergyRange(comparison.current.energyKwh, range)} is above ${formatEnergy(limitKwh)} (${how})`,
    };
  }
  const overLimit = change > limit;
  return {
    kind: "regression",
    name,
    outcome: "pass",
    figure,
    limit: limitText,
    message: overLimit
      ? `Gate '${name}' passed: energy change against the baseline ${figure} is within noise: the low end of this run's range (${low}) is not above the baseline's ${how}.`
      : `Gate '${name}' passed: energy change against the baseline ${figure} is within the limit of ${limitText}.`,
    noise: overLimit
      ? `within noise: this run's range ${formatEnergyRange(comparison.current.energyKwh, range)} reaches below ${formatEnergy(limitKwh)} (${how})`
      : null,
  };
}

/** Evaluates the gates that are on, in a fixed order (regression, energy, emissions). */
export function evaluateGates(
  limits: GateLimits,
  report: Report,
  comparison: Comparison | null,
  names: Record<GateKind, string>,
): GateResult[] {
  const results: GateResult[] = [];
  if (limits.maxRegressionPercent !== null) results.push(regressionGate(names.regression, comparison, limits.maxRegressionPercent));
  if (limits.maxEnergyKwh !== null) {
    results.push(
      gate(
        "energy",
        names.energy,
        report.energyKwh,
        limits.maxEnergyKwh,
        formatEnergy(report.energyKwh),
        formatEnergy(limits.maxEnergyKwh),
        "GPU energy",
        "the energy of this run is unknown",
      ),
    );
  }
  if (limits.maxEmissionsKg !== null) {
    results.push(
      gate(
        "emissions",
        names.emissions,
        report.emissionsKg,
        limits.maxEmissionsKg,
        `${formatMass(report.emissionsKg)} CO2e`,
        `${formatMass(limits.maxEmissionsKg)} CO2e`,
        "emissions",
        "the emissions of this run are unknown",
      ),
    );
  }
  return results;
}
