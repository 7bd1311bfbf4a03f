import { describe, expect, it } from "vitest";
import { DEFAULT_PUE, InputError, readSettings, settingsWarnings } from "../../src/config/settings.js";

const PUE_ACCEPTS = "a number from 1.0 to 3.0 or a preset (industry-average, on-premises, public-cloud, aws, azure, google, meta)";
const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? "");

describe("inputs", () => {
  it("has documented defaults", () => {
    expect(read({})).toEqual({
      intervalMs: 500,
      nvidiaSmiPath: "",
      carbonIntensityGPerKwh: null,
      pue: 1,
      pueSource: DEFAULT_PUE,
      location: null,
      liveGrid: false,
      electricityMapsToken: "",
      embodied: false,
      gpuLifetimeYears: 5,
      reportPath: "",
      maxDurationMs: 120 * 3_600_000,
      summary: true,
      failOnError: false,
      benchmarkPath: "",
      codecarbonPath: "",
      uploadArtifact: false,
      artifactName: "",
      mode: "measure",
      phase: "",
      gpus: { kind: "auto" },
      githubToken: "",
      prComment: true,
      label: "",
      matrix: null,
      historyBranch: "",
      historyLimit: 500,
      maxRegressionPercent: null,
      maxEnergyKwh: null,
      maxEmissionsKg: null,
      runId: null,
      source: "nvidia-smi",
      prometheusUrl: "",
      prometheusSelector: "",
      prometheusToken: "",
      reports: "gpu-carbon-reports/**/report.json",
      pushgatewayUrl: "",
    });
  });

  it("reads the merge and Pushgateway inputs, and rejects what they do not accept", () => {
    expect(read({ mode: "merge", reports: " /data/reports/*.json " })).toMatchObject({ mode: "merge", reports: "/data/reports/*.json" });
    expect(read({ "pushgateway-url": "http://127.0.0.1:9091/" }).pushgatewayUrl).toBe("http://127.0.0.1:9091");
    expect(() => read({ "pushgateway-url": "pushgateway:9091" })).toThrow(
      "Input 'pushgateway-url' must be the http(s) base URL of a Prometheus Pushgateway, such as http://pushgateway.example:9091, without query or credentials; got 'pushgateway:9091'.",
    );
    expect(() => read({ "pushgateway-url": "https://user:secret@push.example" })).toThrow(
      "Input 'pushgateway-url' must not contain credentials; give the base URL only.",
    );
    expect(() => read({ reports: "a\nb" })).toThrow(/^Input 'reports' must be one path or pattern/);
  });

  it("reads modes, phases and GPU lists", () => {
    expect(read({ mode: "mark", phase: " train " })).toMatchObject({ mode: "mark", phase: "train" });
    expect(read({ mode: "report" }).mode).toBe("report");
    expect(read({ gpus: "ALL" }).gpus).toEqual({ kind: "all" });
    expect(read({ gpus: "0, 2,GPU-5d5ba0d6-d33d,MIG-c6d4f1ef-42e4" }).gpus).toEqual({
      kind: "list",
      ids: ["0", "2", "GPU-5d5ba0d6-d33d", "MIG-c6d4f1ef-42e4"],
    });
  });

  it("reads the publishing inputs", () => {
    const settings = read({
      mode: "comment",
      "github-token": " ghs_abc ",
      "pr-comment": "false",
      label: " train ",
      matrix: '{"gpu":"h100","cuda":"12.4"}',
      "history-branch": "data/gpu",
      "history-limit": "20",
      "max-regression-percent": "7.5",
      "max-energy-kwh": "2",
      "max-emissions-kg": "0.5",
      "run-id": "123456789",
    });
    expect(settings).toMatchObject({
      mode: "comment",
      githubToken: "ghs_abc",
      prComment: false,
      label: "train",
      matrix: { gpu: "h100", cuda: "12.4" },
      historyBranch: "data/gpu",
      historyLimit: 20,
      maxRegressionPercent: 7.5,
      maxEnergyKwh: 2,
      maxEmissionsKg: 0.5,
      runId: 123456789,
    });
    expect(read({ matrix: "null" }).matrix).toBeNull();
  });

  it.each([
    ["interval-ms", "fast", "Input 'interval-ms' must be a whole number of milliseconds from 50 to 60000; got 'fast'."],
    ["interval-ms", "10", "Input 'interval-ms' must be a whole number of milliseconds from 50 to 60000; got '10'."],
    ["carbon-intensity", "-3", "Input 'carbon-intensity' must be 0, or a number of gCO2e/kWh from 0.001 to 2000; got '-3'."],
    ["carbon-intensity", "2500", "Input 'carbon-intensity' must be 0, or a number of gCO2e/kWh from 0.001 to 2000; got '2500'."],
    ["pue", "0.9", `Input 'pue' must be ${PUE_ACCEPTS}; got '0.9'.`],
    ["pue", "1,2", `Input 'pue' must be ${PUE_ACCEPTS}; got '1,2'.`],
    ["pue", "hyperscale", `Input 'pue' must be ${PUE_ACCEPTS}; got 'hyperscale'.`],
    ["gpu-lifetime-years", "0", "Input 'gpu-lifetime-years' must be a number of years from 0.5 to 20; got '0'."],
    ["gpu-lifetime-years", "five", "Input 'gpu-lifetime-years' must be a number of years from 0.5 to 20; got 'five'."],
    ["embodied", "yes", "Input 'embodied' must be true or false; got 'yes'."],
    ["live-grid", "on", "Input 'live-grid' must be true or false; got 'on'."],
    ["summary", "yes", "Input 'summary' must be true or false; got 'yes'."],
    ["mode", "Mark", "Input 'mode' must be one of measure, mark, report, comment, merge; got 'Mark'."],
    [
      "gpus",
      "0;1",
      "Input 'gpus' must be empty (the GPUs this job may use), 'all', or a comma-separated list of GPU indices, GPU-... or MIG-... UUIDs; got '0;1'.",
    ],
    [
      "gpus",
      "gpu0",
      "Input 'gpus' must be empty (the GPUs this job may use), 'all', or a comma-separated list of GPU indices, GPU-... or MIG-... UUIDs; got 'gpu0'.",
    ],
    ["max-duration-hours", "0", "Input 'max-duration-hours' must be a number of hours from 1/60 (one minute) to 720; got '0'."],
    ["upload-artifact", "yes", "Input 'upload-artifact' must be true or false; got 'yes'."],
    [
      "artifact-name",
      "gpu:a100",
      `Input 'artifact-name' must be a name of at most 256 characters without " : < > | * ? \\ / or line breaks; got 'gpu:a100'.`,
    ],
    ["mode", "measured", "Input 'mode' must be one of measure, mark, report, comment, merge; got 'measured'."],
    ["history-branch", "my branch", "Input 'history-branch' must be a git branch name (or empty to turn history off); got 'my branch'."],
    ["history-branch", "a..b", "Input 'history-branch' must be a git branch name (or empty to turn history off); got 'a..b'."],
    [
      "history-branch",
      "refs/heads/x",
      "Input 'history-branch' must be a git branch name (or empty to turn history off); got 'refs/heads/x'.",
    ],
    ["gpu-lifetime-years", "1e-300", "Input 'gpu-lifetime-years' must be a number of years from 0.5 to 20; got '1e-300'."],
    ["max-duration-hours", "1e-9", "Input 'max-duration-hours' must be a number of hours from 1/60 (one minute) to 720; got '1e-9'."],
    ["carbon-intensity", "1e-400", "Input 'carbon-intensity' must be 0, or a number of gCO2e/kWh from 0.001 to 2000; got '1e-400'."],
    ["history-limit", "0", "Input 'history-limit' must be a whole number of records from 1 to 10000; got '0'."],
    [
      "max-regression-percent",
      "ten",
      "Input 'max-regression-percent' must be a percentage from 0 to 10000, or empty for no gate; got 'ten'.",
    ],
    ["max-energy-kwh", "0", "Input 'max-energy-kwh' must be a number of kWh greater than 0, or empty for no gate; got '0'."],
    ["max-emissions-kg", "-1", "Input 'max-emissions-kg' must be a number of kg CO2e greater than 0, or empty for no gate; got '-1'."],
    ["matrix", "[1]", "Input 'matrix' must be the job's matrix as JSON (its default is ${{ toJSON(matrix) }}); got '[1]'."],
    ["pr-comment", "no", "Input 'pr-comment' must be true or false; got 'no'."],
    ["run-id", "12.5", "Input 'run-id' must be a workflow run id (a whole number); got '12.5'."],
  ])("rejects %s = %s, naming the input and what it accepts", (name, value, message) => {
    expect(() => read({ [name]: value })).toThrowError(new InputError(name, message));
  });

  it("needs a phase name with mode: mark", () => {
    expect(() => read({ mode: "mark" })).toThrowError(
      new InputError(
        "phase",
        "Input 'phase' must name the phase that starts here when 'mode' is mark (or give 'prometheus-selector'); got ''.",
      ),
    );
  });

  it("warns when an intensity looks like kg/kWh", () => {
    expect(settingsWarnings(read({ "carbon-intensity": "0.5" }))[0]).toContain("looks like kg/kWh");
    expect(settingsWarnings(read({ "carbon-intensity": "500" }))).toEqual([]);
  });

  it("takes a PUE preset by name and keeps its publisher and year", () => {
    const settings = read({ pue: "Industry-Average" });
    expect(settings.pue).toBe(1.56);
    expect(settings.pueSource).toMatchObject({ preset: "industry-average", year: 2024 });
    expect(read({ pue: "aws" }).pueSource).toMatchObject({ value: 1.14, preset: "aws", source: "AWS (global) 2025" });
    expect(read({ pue: "1.2" }).pueSource).toEqual({ value: 1.2, preset: null, source: "input 'pue'", year: null, url: null });
  });

  it("resolves the location while reading inputs, so a typo fails before the job runs", () => {
    expect(read({ location: "de" }).location).toMatchObject({ location: "DE", key: "DE", gramsPerKwh: 342.06 });
    expect(() => read({ location: "aws:us-east-9" })).toThrowError(
      new InputError(
        "location",
        "Input 'location' must be a country code (DE, DEU), an ISO 3166-2 zone (US-CA, IN-MH), an Electricity Maps zone (CA-QC) or a cloud region (aws:us-east-1, gcp:europe-west4, azure:westeurope); got 'aws:us-east-9'. Nearest known: aws:us-east-1, aws:us-east-2, aws:us-west-1.",
      ),
    );
  });

  it("says when live data cannot apply", () => {
    expect(settingsWarnings(read({ "live-grid": "true" }))).toEqual([
      "Live grid data needs input 'location' to know which grid to ask; the world average is used.",
    ]);
    expect(settingsWarnings(read({ "live-grid": "true", location: "DE" }))[0]).toContain("covers Great Britain only, not DE");
    expect(settingsWarnings(read({ "live-grid": "true", location: "GB" }))).toEqual([]);
    expect(settingsWarnings(read({ "carbon-intensity": "300", location: "DE" }))[0]).toContain("'carbon-intensity' is set, so it is used");
  });
});
