/** Row shapes of the embedded tables (src/data/*.ts, generated from data/). */

/** One country or territory (ISO 3166-1), or the World row (`1W`/`WLD`). */
export interface CountryRow {
  iso2: string;
  iso3: string;
  name: string;
  /** Data year of the figure. */
  year: number;
  /** Grid carbon intensity, gCO2e/kWh. */
  gramsPerKwh: number;
  /** Dataset key, e.g. `ember-2025-08`. */
  source: string;
}

/** One sub-national grid zone: ISO 3166-2 (Ember) or an Electricity Maps zone key. */
export interface ZoneRow {
  zone: string;
  /** A second accepted key (newer ISO codes of three Indian states), `null` when none. */
  altZone: string | null;
  name: string;
  countryIso2: string;
  year: number;
  gramsPerKwh: number;
  source: string;
}

/** One cloud region, mapped onto the country or zone whose figure it uses. */
export interface CloudRegionRow {
  provider: string;
  region: string;
  /** Where the provider says the region is. */
  place: string;
  countryIso2: string;
  /** The countries/zones key whose figure the region uses (`US-VA`, `DE`). */
  lookupKey: string;
  /** The region's Electricity Maps zone, for live data; `null` when unknown. */
  electricityMapsZone: string | null;
  year: number;
  gramsPerKwh: number;
  source: string;
}

/** One published PUE figure. */
export interface PueRow {
  operator: string;
  year: number;
  pue: number;
  sourceUrl: string;
  /** `publisher` when read from the operator, `secondary` when quoted by others. */
  sourceType: string;
}

/** One published GPU manufacturing footprint. */
export interface EmbodiedRow {
  item: string;
  boundary: string;
  /** kgCO2e per GPU; `null` when the row is not a per-GPU figure. */
  kgPerGpu: number | null;
  sourceUrl: string;
  sourceType: string;
}
