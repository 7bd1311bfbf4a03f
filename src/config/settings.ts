/**
 * All inputs, read once into one typed settings object. Every value is validated; a bad value
 * fails with a message that names the input, the value and what it accepts. (The checks are
 * bounds and patterns written out: building zod schemas costs every start of the CLI and the
 * hooks some 10 ms, for checks that are one comparison each.)
 */
import { parseGpuList, type GpuRequest } from "../core/nvidia-smi/gpu-selection.js";
import { lookupLocation, suggestLocations, type GridLocation } from "../core/carbon/locations.js";
import { PUE_PRESET_NAMES, pueFromNumber, puePreset, type PueSource } from "../core/carbon/pue.js";
import { INPUT, MODES, SOURCES, type Mode, type Source } from "./names.js";

export interface Settings {
  /** Sampling interval of nvidia-smi's loop, ms (`-lms`). */
  intervalMs: number;
  /** Explicit nvidia-smi executable; empty means "look on PATH". */
  nvidiaSmiPath: string;
  /** Grid carbon intensity given by the user, gCO2e/kWh; `null` to use the default. */
  carbonIntensityGPerKwh: number | null;
  /** Power usage effectiveness, 1.0 to 3.0. */
  pue: number;
  /** Where `pue` comes from (a number, a named preset with its publisher, or the default). */
  pueSource: PueSource;
  /** The `location` input resolved against the embedded tables; `null` when not given. */
  location: GridLocation | null;
  /** Fetch live grid data where a keyless service covers the location (Great Britain). */
  liveGrid: boolean;
  /** Electricity Maps API token: live data for the location's zone; empty for none. */
  electricityMapsToken: string;
  /** Report the GPUs' amortised manufacturing footprint. */
  embodied: boolean;
  /** Service life over which a GPU's manufacturing footprint is spread, years. */
  gpuLifetimeYears: number;
  /** Extra path to copy report.json to; empty for none. */
  reportPath: string;
  /** The sampler stops itself after this long, ms. */
  maxDurationMs: number;
  /** Write the job summary. */
  summary: boolean;
  /** Fail the job when the measurement is partial or missing. */
  failOnError: boolean;
  /** Extra path for the github-action-benchmark JSON; empty for none. */
  benchmarkPath: string;
  /** Extra CodeCarbon `emissions.csv` to append a row to; empty for none. */
  codecarbonPath: string;
  /** Upload the report, the samples and the interop files as a workflow artifact. */
  uploadArtifact: boolean;
  /** Name of that artifact; empty means `gpu-carbon-<job id>`. */
  artifactName: string;
  /** What this use of the action does: measure the job, mark a phase, or report so far. */
  mode: Mode;
  /** Name of the phase that starts here (`mode: mark`); empty otherwise. */
  phase: string;
  /** Which GPUs to count: those the job may use (`auto`), `all`, or a list of ids. */
  gpus: GpuRequest;
  /** Token for the GitHub API (per-step energy, PR comment, history; masked); empty to skip them. */
  githubToken: string;
  /** Post or update the sticky comment on pull requests. */
  prComment: boolean;
  /** Explicit series name; empty means `<workflow>/<job>` plus the matrix values. */
  label: string;
  /** The job's matrix (`toJSON(matrix)`), `null` outside a matrix. */
  matrix: Record<string, unknown> | null;
  /** Data branch for the history; empty turns history off. */
  historyBranch: string;
  /** Records kept per label. */
  historyLimit: number;
  /** Gate: largest energy increase over the baseline, percent; `null` when off. */
  maxRegressionPercent: number | null;
  /** Gate: largest GPU energy, kWh; `null` when off. */
  maxEnergyKwh: number | null;
  /** Gate: largest emissions, kg CO2e; `null` when off. */
  maxEmissionsKg: number | null;
  /** `mode: comment`: the workflow run whose uploaded report to post; `null` when not given. */
  runId: number | null;
  /** Where the GPU readings come from: the local `nvidia-smi`, or `prometheus` (input `source`, `auto` resolved). */
  source: Exclude<Source, "auto">;
  /** Base URL of the Prometheus HTTP API; empty when not given. */
  prometheusUrl: string;
  /** PromQL label matchers without braces that pick the job's GPUs; empty when not given (yet). */
  prometheusSelector: string;
  /** Bearer token for Prometheus (masked); empty for none. */
  prometheusToken: string;
  /** `mode: merge`: path or pattern of the jobs' report.json files (relative to the workspace, or absolute). */
  reports: string;
  /** Prometheus Pushgateway to push the figures to (base URL); empty for none. */
  pushgatewayUrl: string;
}

/** An input the user got wrong: fails the step with this message. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** Reads one input by name ("" when unset), like `core.getInput`. */
export type InputReader = (name: string) => string;

/** A plain decimal number: no units, no thousands separators, no hex. */
const NUMBER_TEXT = /^[+]?\d*\.?\d+(e[+-]?\d+)?$/i;

/** What a number input accepts besides a finite number: bounds (inclusive, or `above` exclusive), whole numbers only, a test of its own. */
interface NumberRule {
  min?: number;
  max?: number;
  above?: number;
  whole?: boolean;
  test?: (value: number) => boolean;
}

function accepts(rule: NumberRule, value: number): boolean {
  return (
    Number.isFinite(value) &&
    (!rule.whole || Number.isSafeInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.test?.(value) ?? true)
  );
}

function numberInput(name: string, accepted: string, rule: NumberRule, raw: string): number {
  const text = raw.trim();
  const value = text === "" ? Number.NaN : Number(text);
  // A number too small for a double (1e-400) reads as 0: a typo, never the 0 it would become.
  const underflow = value === 0 && /[1-9]/.test(text.replace(/e.*$/i, ""));
  if (!accepts(rule, value) || !NUMBER_TEXT.test(text) || underflow) {
    throw new InputError(name, `Input '${name}' must be ${accepted}; got '${raw}'.`);
  }
  return value;
}

/** Parses a YAML 1.2 boolean the way `core.getBooleanInput` does. */
export function booleanInput(name: string, raw: string, fallback: boolean): boolean {
  const text = raw.trim();
  if (text === "") return fallback;
  if (["true", "True", "TRUE"].includes(text)) return true;
  if (["false", "False", "FALSE"].includes(text)) return false;
  throw new InputError(name, `Input '${name}' must be true or false; got '${raw}'.`);
}

/** Characters the artifact service rejects in a name (they break some file systems). */
const ARTIFACT_NAME_FORBIDDEN = ['"', ":", "<", ">", "|", "*", "?", "\r", "\n", "\\", "/"];

function artifactNameInput(raw: string): string {
  const name = raw.trim();
  if (name.length > 256 || ARTIFACT_NAME_FORBIDDEN.some((c) => name.includes(c))) {
    throw new InputError(
      INPUT.artifactName,
      `Input '${INPUT.artifactName}' must be a name of at most 256 characters without " : < > | * ? \\ / or line breaks; got '${raw}'.`,
    );
  }
  return name;
}

function modeInput(raw: string): Mode {
  const text = raw.trim();
  if (text === "") return "measure";
  const mode = MODES.find((m) => m === text);
  if (!mode) throw new InputError(INPUT.mode, `Input '${INPUT.mode}' must be one of ${MODES.join(", ")}; got '${raw}'.`);
  return mode;
}

function phaseInput(raw: string, mode: Mode, selectorGiven: boolean): string {
  const text = raw.trim();
  if (mode === "mark" && text === "" && !selectorGiven)
    throw new InputError(
      INPUT.phase,
      `Input '${INPUT.phase}' must name the phase that starts here when '${INPUT.mode}' is mark (or give '${INPUT.prometheusSelector}'); got ''.`,
    );
  if (/[\r\n\t]/.test(text) || text.length > 100)
    throw new InputError(INPUT.phase, `Input '${INPUT.phase}' must be one line of at most 100 characters; got '${raw}'.`);
  return text;
}

function gpusInput(raw: string): GpuRequest {
  const request = parseGpuList(raw);
  if (!request)
    throw new InputError(
      INPUT.gpus,
      `Input '${INPUT.gpus}' must be empty (the GPUs this job may use), 'all', or a comma-separated list of GPU indices, GPU-... or MIG-... UUIDs; got '${raw}'.`,
    );
  return request;
}

/** Default number of records kept per label in the history (input `history-limit`). */
export const DEFAULT_HISTORY_LIMIT = 500;

/** Default PUE: the GPU boards only, no facility overhead counted. */
export const DEFAULT_PUE = pueFromNumber(1, "no facility overhead counted (GPU board energy only)");

function pueInput(raw: string): PueSource {
  const text = raw.trim();
  if (text === "") return DEFAULT_PUE;
  const preset = NUMBER_TEXT.test(text) ? null : puePreset(text);
  if (preset) return preset;
  const accepted = `a number from 1.0 to 3.0 or a preset (${PUE_PRESET_NAMES.join(", ")})`;
  const value = numberInput(INPUT.pue, accepted, { min: 1, max: 3 }, raw);
  // The runner passes action.yml's default "1.0" like any input; 1.0 means no overhead either way.
  return value === 1 ? DEFAULT_PUE : pueFromNumber(value, `input '${INPUT.pue}'`);
}

function locationInput(raw: string): GridLocation | null {
  const text = raw.trim();
  if (text === "") return null;
  const found = lookupLocation(text);
  if (found) return found;
  const nearest = suggestLocations(text);
  throw new InputError(
    INPUT.location,
    `Input '${INPUT.location}' must be a country code (DE, DEU), an ISO 3166-2 zone (US-CA, IN-MH), an Electricity Maps zone (CA-QC) or a cloud region (aws:us-east-1, gcp:europe-west4, azure:westeurope); got '${raw}'.` +
      (nearest.length > 0 ? ` Nearest known: ${nearest.join(", ")}.` : ""),
  );
}

function labelInput(name: string, raw: string): string {
  const text = raw.trim();
  if (text.length > 200 || /[\r\n]/.test(text))
    throw new InputError(name, `Input '${name}' must be one line of at most 200 characters; got '${raw}'.`);
  return text;
}

function optionalNumber(name: string, accepted: string, rule: NumberRule, raw: string): number | null {
  return raw.trim() === "" ? null : numberInput(name, accepted, rule, raw);
}

/**
 * A git branch name the API accepts (no spaces, control or bidi characters, `..`, `~^:?*[\\`,
 * leading `-` or `/`, no `@` alone), given as a name: `refs/heads/x` would create a branch
 * literally named so.
 */
function branchInput(name: string, raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  const bad =
    /[\s~^:?*[\\\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\.\.|@\{|^[-/]|\/$|\.lock$|\.lock\/|\/\/|^\.|\/\.|^@$|^refs\//u.test(
      text,
    );
  if (bad) throw new InputError(name, `Input '${name}' must be a git branch name (or empty to turn history off); got '${raw}'.`);
  return text;
}

function matrixInput(name: string, raw: string): Record<string, unknown> | null {
  const text = raw.trim();
  if (text === "" || text === "null") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value) || value === undefined) {
    throw new InputError(name, `Input '${name}' must be the job's matrix as JSON (its default is \${{ toJSON(matrix) }}); got '${raw}'.`);
  }
  return value as Record<string, unknown>;
}

function sourceInput(raw: string, url: string): Exclude<Source, "auto"> {
  const text = raw.trim();
  const source = text === "" ? "auto" : SOURCES.find((s) => s === text);
  if (!source) throw new InputError(INPUT.source, `Input '${INPUT.source}' must be one of ${SOURCES.join(", ")}; got '${raw}'.`);
  if (source === "auto") return url === "" ? "nvidia-smi" : "prometheus";
  if (source === "prometheus" && url === "")
    throw new InputError(
      INPUT.source,
      `Input '${INPUT.source}' is '${raw}', which needs input '${INPUT.prometheusUrl}': the base URL of the Prometheus HTTP API, such as http://prometheus.monitoring:9090.`,
    );
  return source;
}

function prometheusUrlInput(raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  let url: URL | null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  // A value with credentials is not echoed: the message would print them in the log.
  if (url && (url.username || url.password))
    throw new InputError(
      INPUT.prometheusUrl,
      `Input '${INPUT.prometheusUrl}' must not contain credentials; give the base URL only, and the token in input '${INPUT.prometheusToken}'.`,
    );
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "" || url.hash !== "")
    throw new InputError(
      INPUT.prometheusUrl,
      `Input '${INPUT.prometheusUrl}' must be an http:// or https:// base URL of the Prometheus HTTP API without a query (such as http://prometheus.monitoring:9090 or https://mimir.example.com/prometheus); got '${raw}'.`,
    );
  return text.replace(/\/+$/, "");
}

/** Default of input `reports`: where actions/download-artifact puts the artifacts of a pattern. */
export const DEFAULT_REPORTS = "gpu-carbon-reports/**/report.json";

function reportsInput(raw: string): string {
  const text = raw.trim();
  if (text === "") return DEFAULT_REPORTS;
  if (/[\r\n\0]/.test(text) || text.length > 1000)
    throw new InputError(
      INPUT.reports,
      `Input '${INPUT.reports}' must be one path or pattern (*, ** and ? as wildcards) of report.json files, relative to the workspace or absolute; got '${raw}'.`,
    );
  return text;
}

function pushgatewayInput(raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  const url = URL.canParse(text) ? new URL(text) : null;
  // A value with credentials is not echoed: the message would print them in the log.
  if (url && (url.username || url.password))
    throw new InputError(INPUT.pushgatewayUrl, `Input '${INPUT.pushgatewayUrl}' must not contain credentials; give the base URL only.`);
  if (!url || !["http:", "https:"].includes(url.protocol) || url.search || url.hash || url.username || url.password)
    throw new InputError(
      INPUT.pushgatewayUrl,
      `Input '${INPUT.pushgatewayUrl}' must be the http(s) base URL of a Prometheus Pushgateway, such as http://pushgateway.example:9091, without query or credentials; got '${raw}'.`,
    );
  return text.replace(/\/+$/, "");
}

/** Label matchers as PromQL writes them inside braces: `name op "value"`, comma-separated. */
const MATCHER = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*(=~|!~|!=|=)\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`)\s*$/;

/** Splits on commas outside quotes. */
function splitMatchers(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      current += c;
      if (c === "\\" && quote !== "`") current += text[++i] ?? "";
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") {
      quote = c;
      current += c;
    } else if (c === ",") {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts.filter((p, i, all) => p.trim() !== "" || i < all.length - 1);
}

/** Checks the selector's shape here; Prometheus itself judges the regular expressions. */
export function prometheusSelectorInput(raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  const parts = splitMatchers(text);
  if (/[\r\n]/.test(text) || text.length > 2000 || parts.length === 0 || !parts.every((p) => MATCHER.test(p)))
    throw new InputError(
      INPUT.prometheusSelector,
      `Input '${INPUT.prometheusSelector}' must be PromQL label matchers without braces, such as hpc_job="4242" or namespace="ci",pod=~"gpu-runner-x7k2.*"; got '${raw}'.`,
    );
  return parts.map((p) => p.trim()).join(",");
}

/** Reads and validates every input. Throws `InputError` on the first bad one. */
export function readSettings(getInput: InputReader): Settings {
  const get = (name: string) => getInput(name) ?? "";
  const intervalRaw = get(INPUT.intervalMs);
  const intensityRaw = get(INPUT.carbonIntensity);
  const pueRaw = get(INPUT.pue);
  const maxRaw = get(INPUT.maxDurationHours);
  const mode = modeInput(get(INPUT.mode));
  const lifetimeRaw = get(INPUT.gpuLifetimeYears);
  const pue = pueInput(pueRaw);
  const prometheusUrl = prometheusUrlInput(get(INPUT.prometheusUrl));
  const prometheusSelector = prometheusSelectorInput(get(INPUT.prometheusSelector));
  return {
    intervalMs:
      intervalRaw.trim() === ""
        ? 500
        : numberInput(
            INPUT.intervalMs,
            "a whole number of milliseconds from 50 to 60000",
            { whole: true, min: 50, max: 60_000 },
            intervalRaw,
          ),
    nvidiaSmiPath: get(INPUT.nvidiaSmiPath).trim(),
    carbonIntensityGPerKwh:
      intensityRaw.trim() === ""
        ? null
        : numberInput(
            INPUT.carbonIntensity,
            "0, or a number of gCO2e/kWh from 0.001 to 2000",
            // A value too small for a grid (1e-400 reads as 0) is a typo, not a clean grid.
            { test: (value) => value === 0 || (value >= 0.001 && value <= 2000) },
            intensityRaw,
          ),
    pue: pue.value,
    pueSource: pue,
    location: locationInput(get(INPUT.location)),
    liveGrid: booleanInput(INPUT.liveGrid, get(INPUT.liveGrid), false),
    electricityMapsToken: get(INPUT.electricityMapsToken).trim(),
    embodied: booleanInput(INPUT.embodied, get(INPUT.embodied), false),
    gpuLifetimeYears:
      lifetimeRaw.trim() === ""
        ? 5
        : numberInput(INPUT.gpuLifetimeYears, "a number of years from 0.5 to 20", { min: 0.5, max: 20 }, lifetimeRaw),
    reportPath: get(INPUT.reportPath).trim(),
    maxDurationMs:
      (maxRaw.trim() === ""
        ? 120
        : numberInput(INPUT.maxDurationHours, "a number of hours from 1/60 (one minute) to 720", { min: 1 / 60, max: 720 }, maxRaw)) *
      3_600_000,
    summary: booleanInput(INPUT.summary, get(INPUT.summary), true),
    failOnError: booleanInput(INPUT.failOnError, get(INPUT.failOnError), false),
    benchmarkPath: get(INPUT.benchmarkPath).trim(),
    codecarbonPath: get(INPUT.codecarbonPath).trim(),
    uploadArtifact: booleanInput(INPUT.uploadArtifact, get(INPUT.uploadArtifact), false),
    artifactName: artifactNameInput(get(INPUT.artifactName)),
    mode,
    phase: phaseInput(get(INPUT.phase), mode, prometheusSelector !== ""),
    gpus: gpusInput(get(INPUT.gpus)),
    githubToken: get(INPUT.githubToken).trim(),
    prComment: booleanInput(INPUT.prComment, get(INPUT.prComment), true),
    label: labelInput(INPUT.label, get(INPUT.label)),
    matrix: matrixInput(INPUT.matrix, get(INPUT.matrix)),
    historyBranch: branchInput(INPUT.historyBranch, get(INPUT.historyBranch)),
    historyLimit:
      get(INPUT.historyLimit).trim() === ""
        ? DEFAULT_HISTORY_LIMIT
        : numberInput(
            INPUT.historyLimit,
            "a whole number of records from 1 to 10000",
            { whole: true, min: 1, max: 10_000 },
            get(INPUT.historyLimit),
          ),
    maxRegressionPercent: optionalNumber(
      INPUT.maxRegressionPercent,
      "a percentage from 0 to 10000, or empty for no gate",
      { min: 0, max: 10_000 },
      get(INPUT.maxRegressionPercent),
    ),
    maxEnergyKwh: optionalNumber(
      INPUT.maxEnergyKwh,
      "a number of kWh greater than 0, or empty for no gate",
      { above: 0 },
      get(INPUT.maxEnergyKwh),
    ),
    maxEmissionsKg: optionalNumber(
      INPUT.maxEmissionsKg,
      "a number of kg CO2e greater than 0, or empty for no gate",
      { above: 0 },
      get(INPUT.maxEmissionsKg),
    ),
    runId: optionalNumber(INPUT.runId, "a workflow run id (a whole number)", { whole: true, min: 1 }, get(INPUT.runId)),
    source: sourceInput(get(INPUT.source), prometheusUrl),
    prometheusUrl,
    prometheusSelector,
    prometheusToken: get(INPUT.prometheusToken).trim(),
    reports: reportsInput(get(INPUT.reports)),
    pushgatewayUrl: pushgatewayInput(get(INPUT.pushgatewayUrl)),
  };
}

/** Warnings about values that are valid but probably not meant. */
export function settingsWarnings(settings: Settings): string[] {
  const warnings: string[] = [];
  if (settings.carbonIntensityGPerKwh !== null && settings.carbonIntensityGPerKwh > 0 && settings.carbonIntensityGPerKwh < 5) {
    warnings.push(
      `Input '${INPUT.carbonIntensity}' is ${settings.carbonIntensityGPerKwh} gCO2e/kWh, which looks like kg/kWh; grids range from about 10 to 1000 g/kWh (0.5 kg/kWh is 500).`,
    );
  }
  const live = settings.liveGrid || settings.electricityMapsToken !== "";
  if (settings.carbonIntensityGPerKwh !== null && (settings.location !== null || live)) {
    warnings.push(`Input '${INPUT.carbonIntensity}' is set, so it is used; 'location' and live grid data are ignored.`);
  } else if (live && settings.location === null) {
    warnings.push(`Live grid data needs input '${INPUT.location}' to know which grid to ask; the world average is used.`);
  } else if (settings.liveGrid && settings.electricityMapsToken === "" && settings.location && !settings.location.inGreatBritain) {
    warnings.push(
      `Input '${INPUT.liveGrid}': the keyless live source (UK Carbon Intensity API) covers Great Britain only, not ${settings.location.location}; set '${INPUT.electricityMapsToken}' for live data there. The yearly table is used.`,
    );
  }
  return warnings;
}
