/** Every input, state and file name the action uses, defined once. Inputs match action.yml. */

export const INPUT = {
  intervalMs: "interval-ms",
  nvidiaSmiPath: "nvidia-smi-path",
  carbonIntensity: "carbon-intensity",
  pue: "pue",
  reportPath: "report-path",
  maxDurationHours: "max-duration-hours",
  summary: "summary",
  failOnError: "fail-on-error",
  benchmarkPath: "benchmark-path",
  codecarbonPath: "codecarbon-path",
  uploadArtifact: "upload-artifact",
  artifactName: "artifact-name",
  mode: "mode",
  phase: "phase",
  gpus: "gpus",
  githubToken: "github-token",
  location: "location",
  liveGrid: "live-grid",
  electricityMapsToken: "electricity-maps-token",
  embodied: "embodied",
  gpuLifetimeYears: "gpu-lifetime-years",
  prComment: "pr-comment",
  label: "label",
  matrix: "matrix",
  historyBranch: "history-branch",
  historyLimit: "history-limit",
  maxRegressionPercent: "max-regression-percent",
  maxEnergyKwh: "max-energy-kwh",
  maxEmissionsKg: "max-emissions-kg",
  runId: "run-id",
  source: "source",
  prometheusUrl: "prometheus-url",
  prometheusSelector: "prometheus-selector",
  prometheusToken: "prometheus-token",
  reports: "reports",
  pushgatewayUrl: "pushgateway-url",
} as const;

/**
 * Inputs that hold credentials: masked in the log before anything else is read, so that no
 * message (an input error included) can print them.
 */
export const SECRET_INPUTS = [INPUT.githubToken, INPUT.electricityMapsToken, INPUT.prometheusToken] as const;

/** What a use of the action does (input `mode`). */
export const MODES = ["measure", "mark", "report", "comment", "merge"] as const;
export type Mode = (typeof MODES)[number];

/** Where the GPU readings come from (input `source`). */
export const SOURCES = ["auto", "nvidia-smi", "prometheus"] as const;
export type Source = (typeof SOURCES)[number];

/** Step outputs `mode: report` sets. Match action.yml. */
export const OUTPUT = {
  energyKwh: "energy-kwh",
  emissionsKg: "emissions-kg",
  durationSeconds: "duration-seconds",
  averagePowerWatts: "average-power-watts",
} as const;

export const STATE = {
  /** Path of the session file this use of the action refers to. */
  session: "session",
  /** "true" when this use started the measurement and must finish it in post. */
  owner: "owner",
  /** The sampler's pid, so that post can stop it even when the session file cannot be read. */
  samplerPid: "sampler-pid",
  /** Why this use could not start the measurement (its working folder failed); post says so. */
  notStarted: "not-started",
  /** "true" once this use warned that the platform is unsupported. */
  unsupported: "unsupported",
} as const;

/** Environment variables the action reads (besides the runner's own) or exports to later steps. */
export const ENV = {
  /** Path of the NVML library to read the energy counter from; default: the driver's `libnvidia-ml.so.1`. */
  nvmlLibrary: "GPU_CARBON_NVML_LIBRARY",
  /**
   * Exported when the runner has no `RUNNER_TEMP`: the folder this job's measurement lives in,
   * made for this job alone, so that later uses of the action in the job find it.
   */
  workDir: "GPU_CARBON_WORK_DIR",
  /** Exported: a file a step may write a count of work units to (energy per unit in the report). */
  workFile: "GPU_CARBON_WORK_FILE",
  /** Base URL of the Electricity Maps API (tests and proxies; default https://api.electricitymaps.com). */
  electricityMapsUrl: "GPU_CARBON_ELECTRICITY_MAPS_URL",
  /** Base URL of the UK Carbon Intensity API (tests and proxies; default https://api.carbonintensity.org.uk). */
  ukCarbonIntensityUrl: "GPU_CARBON_UK_CARBON_INTENSITY_URL",
  /** The CLI's Prometheus bearer token when `--prometheus-token` is not given. */
  prometheusToken: "GPU_CARBON_PROMETHEUS_TOKEN",
} as const;

export const FILE = {
  /** Folder under RUNNER_TEMP holding everything of one job's measurement. */
  workDir: "gpu-carbon",
  session: "session.json",
  lock: "session.lock",
  samples: "samples.log",
  samplerConfig: "sampler-config.json",
  samplerLog: "sampler.log",
  report: "report.json",
  /** github-action-benchmark `customSmallerIsBetter` JSON. */
  benchmark: "benchmark.json",
  /** CodeCarbon-compatible CSV (header and one row). */
  codecarbon: "emissions.csv",
  /** The job summary's markdown, for posting elsewhere (a PR comment from a trusted workflow). */
  summaryMarkdown: "summary.md",
  /** Phase marks, one `<epochMs>\t<name>` line each. */
  marks: "phases.tsv",
  /** Work units counted by the job's steps (GPU_CARBON_WORK_FILE). */
  work: "work-units.txt",
  /** The last `prometheus-selector` given by a `mode: mark` use (it applies to the whole window). */
  prometheusSelector: "prometheus-selector.txt",
} as const;

/** Prefix of the artifact a fork pull request's job uploads for `mode: comment`. */
export const COMMENT_ARTIFACT_PREFIX = "gpu-carbon-comment-";
