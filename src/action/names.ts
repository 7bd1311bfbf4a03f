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
} as const;

export const STATE = {
  /** Path of the session file this use of the action refers to. */
  session: "session",
  /** "true" when this use started the measurement and must finish it in post. */
  owner: "owner",
  /** "true" once this use warned that the platform is unsupported. */
  unsupported: "unsupported",
} as const;

/** Environment variables the action reads (besides the runner's own). */
export const ENV = {
  /** Path of the NVML library to read the energy counter from; default: the driver's `libnvidia-ml.so.1`. */
  nvmlLibrary: "GPU_CARBON_NVML_LIBRARY",
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
} as const;
