/** Unit conversions and human-readable formatting. Pure; every name carries its unit. */

/** Joules in one kilowatt-hour. */
export const JOULES_PER_KWH = 3_600_000;

/** Converts joules to kilowatt-hours. */
export function joulesToKwh(energyJ: number): number {
  return energyJ / JOULES_PER_KWH;
}

/** Energy in kWh from a constant power over a duration: E = P x t / 3,600,000. */
export function kwhFromPower(powerW: number, durationS: number): number {
  return (powerW * durationS) / JOULES_PER_KWH;
}

function trim(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** Significant-figure style rendering: 3 significant digits, no exponent for normal ranges. */
export function formatNumber(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 100) return trim(value, 0);
  if (abs >= 10) return trim(value, 1);
  if (abs >= 1) return trim(value, 2);
  if (abs >= 0.01) return trim(value, 3);
  return value.toPrecision(2);
}

/** Energy in readable units: Wh below 1 kWh, kWh (or MWh) above. `null` renders as "n/a". */
export function formatEnergy(energyKwh: number | null): string {
  if (energyKwh === null) return "n/a";
  if (Math.abs(energyKwh) >= 1000) return `${formatNumber(energyKwh / 1000)} MWh`;
  if (Math.abs(energyKwh) >= 1) return `${formatNumber(energyKwh)} kWh`;
  return `${formatNumber(energyKwh * 1000)} Wh`;
}

/** Mass of CO2e in readable units: g below 1 kg, kg (or t) above. `null` renders as "n/a". */
export function formatMass(massKg: number | null): string {
  if (massKg === null) return "n/a";
  if (Math.abs(massKg) >= 1000) return `${formatNumber(massKg / 1000)} t`;
  if (Math.abs(massKg) >= 1) return `${formatNumber(massKg)} kg`;
  return `${formatNumber(massKg * 1000)} g`;
}

/** Decimals `formatNumber` shows for `value`; `null` below 0.01 (two significant digits there). */
function decimalsOf(value: number): number | null {
  const abs = Math.abs(value);
  if (abs >= 100 || value === 0) return 0;
  if (abs >= 10) return 1;
  if (abs >= 1) return 2;
  if (abs >= 0.01) return 3;
  return null;
}

/**
 * A figure and its range in the figure's unit: the bounds to the first significant digit of the
 * range's half-width (two when it starts with 1; never finer than the figure), rounded outwards so the shown range still
 * holds the true one: `80.7 Wh (77-84)`, `10.0 Wh (9.4-10.6)`.
 */
function withRange(value: number, range: readonly [number, number] | null, unitOf: (v: number) => [number, string]): string {
  const [factor, unit] = unitOf(value);
  const figure = value * factor;
  const text = `${formatNumber(figure)} ${unit}`;
  if (range === null) return text;
  const [low, high] = [range[0] * factor, range[1] * factor];
  const decimals = decimalsOf(figure);
  if (decimals === null) return `${text} (${low.toPrecision(2)}-${high.toPrecision(2)})`;
  const halfWidth = (high - low) / 2;
  // One significant digit of the half-width, two when it starts with 1 (1.1 rounds too coarsely to 1).
  const magnitude = halfWidth > 0 ? Math.floor(Math.log10(halfWidth)) : null;
  const leading = magnitude === null ? 0 : Math.floor(halfWidth / 10 ** magnitude);
  const d = magnitude === null ? decimals : Math.min(decimals, Math.max(0, -magnitude + (leading === 1 ? 1 : 0)));
  const step = 10 ** d;
  const out = (v: number, round: (x: number) => number): string => (round(Number((v * step).toPrecision(12))) / step).toFixed(d);
  return `${text} (${out(low, Math.floor)}-${out(high, Math.ceil)})`;
}

/** The factor from kWh to the unit `formatEnergy` picks for `energyKwh`, and the unit. */
function energyUnit(energyKwh: number): [number, string] {
  if (Math.abs(energyKwh) >= 1000) return [1 / 1000, "MWh"];
  if (Math.abs(energyKwh) >= 1) return [1, "kWh"];
  return [1000, "Wh"];
}

/** The factor from kg to the unit `formatMass` picks for `massKg`, and the unit. */
function massUnit(massKg: number): [number, string] {
  if (Math.abs(massKg) >= 1000) return [1 / 1000, "t"];
  if (Math.abs(massKg) >= 1) return [1, "kg"];
  return [1000, "g"];
}

/** Energy with its uncertainty range: `80.7 Wh (76-84)`; without a range as `formatEnergy`. */
export function formatEnergyRange(energyKwh: number | null, rangeKwh: readonly [number, number] | null): string {
  return energyKwh === null ? "n/a" : withRange(energyKwh, rangeKwh, energyUnit);
}

/** Mass with its uncertainty range: `32.3 g (30-34)`; without a range as `formatMass`. */
export function formatMassRange(massKg: number | null, rangeKg: readonly [number, number] | null): string {
  return massKg === null ? "n/a" : withRange(massKg, rangeKg, massUnit);
}

/** Power in watts (kW above 10 kW). */
export function formatPower(powerW: number | null): string {
  if (powerW === null) return "n/a";
  if (Math.abs(powerW) >= 10_000) return `${formatNumber(powerW / 1000)} kW`;
  return `${formatNumber(powerW)} W`;
}

/** Duration as `1h 02m 03s`, `2m 05s` or `4.2s`. */
export function formatDuration(durationS: number): string {
  if (!Number.isFinite(durationS) || durationS < 0) return "n/a";
  if (durationS < 60) return `${trim(durationS, 1)}s`;
  const total = Math.round(durationS);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, "0");
  const ss = String(seconds).padStart(2, "0");
  if (days > 0) return `${days}d ${hours}h ${mm}m`;
  if (hours > 0) return `${hours}h ${mm}m ${ss}s`;
  return `${minutes}m ${ss}s`;
}

/** A 0..1 fraction as a percentage with one decimal. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return "n/a";
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A signed relative difference: `+2.5%`, `-12.0%`; `n/a` for `null`. */
export function signedPercent(fraction: number | null): string {
  if (fraction === null) return "n/a";
  return `${fraction >= 0 ? "+" : ""}${formatPercent(fraction)}`;
}

/** Rounds to `digits` decimals (9 by default: kWh without float noise; fewer for watts, fractions). */
export function round(value: number, digits = 9): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
