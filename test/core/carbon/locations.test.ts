import { describe, expect, it } from "vitest";
import { WORLD_AVERAGE_INTENSITY } from "../../../src/core/carbon/intensity.js";
import { editDistance, lookupLocation, suggestLocations } from "../../../src/core/carbon/locations.js";

// Figures pinned to the shipped tables (data/carbon-intensity/*.csv, data/electricity-maps/*.csv).
describe("location lookup in the embedded tables", () => {
  it.each([
    ["DE", "DE", 342.06, 2024, "ember"],
    ["deu", "DE", 342.06, 2024, "ember"],
    ["PL", "PL", 614.98, 2024, "ember"],
    ["se", "SE", 35.89, 2024, "ember"],
    ["US-CA", "US-CA", 199.67, 2024, "ember"],
    ["in-mh", "IN-MH", 658.97, 2024, "ember"],
    ["IN-CG", "IN-CT", 806.01, 2024, "ember"], // the newer ISO code of Chhattisgarh
    ["aws:us-east-1", "US-VA", 321.47, 2024, "ember"],
    ["GCP:Europe-West4", "NL", 252.7, 2024, "ember"],
    ["azure:westeurope", "NL", 252.7, 2024, "ember"],
    ["gcp:us-central1", "US-IA", 241.74, 2024, "ember"],
    ["CA-QC", "CA-QC", 41, 2025, "electricity-maps"], // Ember has no Canadian provinces
    ["JP-TK", "JP-TK", 535, 2025, "electricity-maps"],
  ])("%s uses the figure of %s: %d g/kWh (%d, %s)", (input, key, gramsPerKwh, year, dataset) => {
    expect(lookupLocation(input)).toMatchObject({ key, gramsPerKwh, year, dataset });
  });

  it("knows the world row, and it is the default's figure", () => {
    expect(lookupLocation("WLD")?.gramsPerKwh).toBe(WORLD_AVERAGE_INTENSITY.gramsPerKwh);
  });

  it("normalises what the user wrote and names the place", () => {
    expect(lookupLocation(" aws:US-EAST-1 ")).toMatchObject({
      location: "aws:us-east-1",
      description: "aws us-east-1 (N. Virginia)",
      countryIso2: "US",
      electricityMapsZone: "US-MIDA-PJM",
      inGreatBritain: false,
    });
    expect(lookupLocation("us-ca")).toMatchObject({ location: "US-CA", description: "California", electricityMapsZone: null });
  });

  it("knows which locations the British keyless service covers", () => {
    expect(lookupLocation("GB")?.inGreatBritain).toBe(true);
    expect(lookupLocation("gbr")?.inGreatBritain).toBe(true);
    expect(lookupLocation("aws:eu-west-2")?.inGreatBritain).toBe(true);
    expect(lookupLocation("GB-NIR")?.inGreatBritain).toBe(false);
    expect(lookupLocation("IE")?.inGreatBritain).toBe(false);
  });

  it("rejects what no table knows", () => {
    for (const input of ["", "XX", "US-ZZ", "aws:us-east-9", "mars:olympus-1", "Germany"]) expect(lookupLocation(input)).toBeNull();
  });
});

describe("suggestions for an unknown location", () => {
  it("offers the nearest codes of the same form", () => {
    expect(suggestLocations("aws:us-east-9")).toEqual(["aws:us-east-1", "aws:us-east-2", "aws:us-west-1"]);
    expect(suggestLocations("US-CAL")[0]).toBe("US-CA");
    expect(suggestLocations("azure:west-europe")[0]).toBe("azure:westeurope");
  });

  it("maps a place name to its code first", () => {
    expect(suggestLocations("Germany")[0]).toBe("DE");
    expect(suggestLocations("california")[0]).toBe("US-CA");
  });

  it("counts edits", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("de", "de")).toBe(0);
  });
});

describe("cloud regions priced at a national average", () => {
  it("point at the region's own grid when Electricity Maps has it", () => {
    expect(lookupLocation("aws:ca-central-1")).toMatchObject({
      key: "CA",
      gramsPerKwh: 184.99,
      regionalGrid: { zone: "CA-QC", gramsPerKwh: 41, year: 2025 },
    });
    expect(lookupLocation("aws:us-east-1")?.regionalGrid).toBeNull(); // priced at its state already
    expect(lookupLocation("gcp:europe-west4")?.regionalGrid).toBeNull(); // the Netherlands are one zone
  });
});
