/**
 * Where the runner is, as the user says it, resolved against the embedded tables. Pure.
 * Accepted forms, case-insensitive: ISO 3166-1 alpha-2 or alpha-3 (`DE`, `DEU`), ISO 3166-2
 * sub-national zones (`US-CA`, `IN-MH`), Electricity Maps zone keys for places Ember does not
 * cover (`CA-QC`, `JP-TK`, `US-CAL-CISO`), and cloud regions as `provider:region`
 * (`aws:us-east-1`, `gcp:europe-west4`, `azure:westeurope`, `ovh:gra`).
 * Ember (CC BY 4.0) answers first; Electricity Maps' yearly table (ODbL) only where Ember has no row.
 */
import { EMBER_CLOUD_REGIONS, EMBER_COUNTRIES, EMBER_ZONES } from "../../data/ember.js";
import { ELECTRICITY_MAPS_ZONES } from "../../data/electricity-maps.js";
import type { ZoneRow } from "../../data/rows.js";

/** Which embedded table answered. */
export type GridDataset = "ember" | "electricity-maps";

/** A location and the yearly grid figure the tables hold for it. */
export interface GridLocation {
  /** The location as given, normalised (`US-CA`, `aws:us-east-1`). */
  location: string;
  /** What it names, in words (`California`, `aws us-east-1 (N. Virginia)`). */
  description: string;
  /** The table key whose figure is used (`US-VA` for `aws:us-east-1`). */
  key: string;
  /** Yearly average intensity, gCO2e/kWh (lifecycle basis in both tables). */
  gramsPerKwh: number;
  /** Data year of the figure. */
  year: number;
  dataset: GridDataset;
  /** ISO 3166-1 alpha-2 of the country the location is in. */
  countryIso2: string;
  /** Electricity Maps zone for live data; `null` when no zone is known for the location. */
  electricityMapsZone: string | null;
  /** In Great Britain (the area of the UK Carbon Intensity API; Northern Ireland is not). */
  inGreatBritain: boolean;
  /**
   * For a cloud region priced at its country's average although it sits in one sub-national grid
   * (Québec, Alberta, Tokyo, Stockholm's bidding zone): that grid's yearly figure, to point the
   * user at it; `null` otherwise.
   */
  regionalGrid: { zone: string; name: string; gramsPerKwh: number; year: number } | null;
}

const EM_BY_ZONE = new Map(ELECTRICITY_MAPS_ZONES.map((row) => [row.zone, row]));

function emZoneFor(key: string): string | null {
  return EM_BY_ZONE.has(key) ? key : null;
}

function fromZone(location: string, row: ZoneRow, dataset: GridDataset): GridLocation {
  return {
    location,
    description: row.name,
    key: row.zone,
    gramsPerKwh: row.gramsPerKwh,
    year: row.year,
    dataset,
    countryIso2: row.countryIso2,
    electricityMapsZone: emZoneFor(row.zone),
    inGreatBritain: row.countryIso2 === "GB" && row.zone !== "GB-NIR",
    regionalGrid: null,
  };
}

/** Resolves a location; `null` when no table knows it. */
export function lookupLocation(input: string): GridLocation | null {
  const text = input.trim();
  const cloud = /^([a-z]+):([a-z0-9-]+)$/i.exec(text);
  if (cloud) {
    const provider = (cloud[1] ?? "").toLowerCase();
    const region = (cloud[2] ?? "").toLowerCase();
    const row = EMBER_CLOUD_REGIONS.find((r) => r.provider === provider && r.region === region);
    if (!row) return null;
    const grid = row.electricityMapsZone && row.lookupKey === row.countryIso2 ? EM_BY_ZONE.get(row.electricityMapsZone) : undefined;
    return {
      location: `${provider}:${region}`,
      description: `${provider} ${region} (${row.place})`,
      key: row.lookupKey,
      gramsPerKwh: row.gramsPerKwh,
      year: row.year,
      dataset: "ember",
      countryIso2: row.countryIso2,
      electricityMapsZone: row.electricityMapsZone,
      inGreatBritain: row.countryIso2 === "GB",
      regionalGrid:
        grid && grid.zone !== row.countryIso2 ? { zone: grid.zone, name: grid.name, gramsPerKwh: grid.gramsPerKwh, year: grid.year } : null,
    };
  }
  const code = text.toUpperCase();
  if (/^[A-Z0-9]{2,3}$/.test(code)) {
    const country = EMBER_COUNTRIES.find((r) => r.iso2 === code || r.iso3 === code);
    if (country) {
      return {
        location: code,
        description: country.name,
        key: country.iso2,
        gramsPerKwh: country.gramsPerKwh,
        year: country.year,
        dataset: "ember",
        countryIso2: country.iso2,
        electricityMapsZone: emZoneFor(country.iso2),
        inGreatBritain: country.iso2 === "GB",
        regionalGrid: null,
      };
    }
  }
  const zone = EMBER_ZONES.find((r) => r.zone === code || r.altZone === code);
  if (zone) return fromZone(code, zone, "ember");
  const emZone = EM_BY_ZONE.get(code);
  if (emZone) return fromZone(code, emZone, "electricity-maps");
  return null;
}

/** Every accepted code, in the spelling the tables use. */
export function allLocationCodes(): string[] {
  return [
    ...EMBER_COUNTRIES.flatMap((r) => [r.iso2, r.iso3]),
    ...EMBER_ZONES.flatMap((r) => (r.altZone ? [r.zone, r.altZone] : [r.zone])),
    ...ELECTRICITY_MAPS_ZONES.map((r) => r.zone),
    ...EMBER_CLOUD_REGIONS.map((r) => `${r.provider}:${r.region}`),
  ];
}

/** Edit distance (insertions, deletions, substitutions), for suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The valid codes nearest to an unknown location, best first: a place whose name matches the
 * text (`Germany` -> `DE`), then the codes of the same form with the smallest edit distance (ties:
 * the longer shared prefix).
 */
export function suggestLocations(input: string, max = 3): string[] {
  const text = input.trim().toLowerCase();
  if (text === "") return [];
  const byName = [
    ...EMBER_COUNTRIES.filter((r) => r.name.toLowerCase() === text).map((r) => r.iso2),
    ...EMBER_ZONES.filter((r) => r.name.toLowerCase() === text).map((r) => r.zone),
    ...ELECTRICITY_MAPS_ZONES.filter((r) => r.name.toLowerCase() === text).map((r) => r.zone),
  ];
  const isCloud = text.includes(":");
  const provider = isCloud ? text.slice(0, text.indexOf(":")) : "";
  const candidates = allLocationCodes().filter((code) => {
    if (code.includes(":") !== isCloud) return false;
    return !isCloud || !EMBER_CLOUD_REGIONS.some((r) => r.provider === provider) || code.startsWith(`${provider}:`);
  });
  const prefix = (code: string) => {
    let n = 0;
    while (n < code.length && code[n] === text[n]) n += 1;
    return n;
  };
  const ranked = [...new Set(candidates)]
    .map((code) => ({ code, distance: editDistance(text, code.toLowerCase()), shared: prefix(code.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || b.shared - a.shared || a.code.localeCompare(b.code))
    .map((c) => c.code);
  return [...new Set([...byName, ...ranked])].slice(0, max);
}
