import { describe, expect, it } from "vitest";
import { InputError, readSettings, settingsWarnings } from "../../src/action/settings.js";

const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? "");

describe("inputs", () => {
  it("has documented defaults", () => {
    expect(read({})).toEqual({
      intervalMs: 500,
      nvidiaSmiPath: "",
      carbonIntensityGPerKwh: null,
      pue: 1,
      reportPath: "",
      maxDurationMs: 120 * 3_600_000,
      summary: true,
      failOnError: false,
      benchmarkPath: "",
      codecarbonPath: "",
      uploadArtifact: false,
      artifactName: "",
    });
  });

  it.each([
    ["interval-ms", "fast", "Input 'interval-ms' must be a whole number of milliseconds from 50 to 60000; got 'fast'."],
    ["interval-ms", "10", "Input 'interval-ms' must be a whole number of milliseconds from 50 to 60000; got '10'."],
    ["carbon-intensity", "-3", "Input 'carbon-intensity' must be a number of gCO2e/kWh from 0 to 2000; got '-3'."],
    ["carbon-intensity", "2500", "Input 'carbon-intensity' must be a number of gCO2e/kWh from 0 to 2000; got '2500'."],
    ["pue", "0.9", "Input 'pue' must be a number from 1.0 to 3.0; got '0.9'."],
    ["pue", "1,2", "Input 'pue' must be a number from 1.0 to 3.0; got '1,2'."],
    ["summary", "yes", "Input 'summary' must be true or false; got 'yes'."],
    ["max-duration-hours", "0", "Input 'max-duration-hours' must be a number of hours greater than 0 and at most 720; got '0'."],
    ["upload-artifact", "yes", "Input 'upload-artifact' must be true or false; got 'yes'."],
    [
      "artifact-name",
      "gpu:a100",
      `Input 'artifact-name' must be a name of at most 256 characters without " : < > | * ? \\ / or line breaks; got 'gpu:a100'.`,
    ],
  ])("rejects %s = %s, naming the input and what it accepts", (name, value, message) => {
    expect(() => read({ [name]: value })).toThrowError(new InputError(name, message));
  });

  it("warns when an intensity looks like kg/kWh", () => {
    expect(settingsWarnings(read({ "carbon-intensity": "0.5" }))[0]).toContain("looks like kg/kWh");
    expect(settingsWarnings(read({ "carbon-intensity": "500" }))).toEqual([]);
  });
});
