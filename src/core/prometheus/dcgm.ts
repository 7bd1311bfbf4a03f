/**
 * NVIDIA's DCGM exporter as Prometheus stores it: metric and label names, and the grouping of
 * series into physical GPUs. Pure.
 *
 * dcgm-exporter writes one series per GPU, or with MIG one per GPU instance; the instance series
 * repeat the parent board's power and energy (dcgm-exporter issues #317, #257), so a board's
 * figures are taken from one of its series only.
 */

/** Metric names read from the exporter. */
export const DCGM = {
  /** Energy since the driver was loaded, mJ (a counter; Volta and newer). */
  energyMj: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
  /** Board power, W (a gauge: the driver's running average). */
  powerW: "DCGM_FI_DEV_POWER_USAGE",
  /** Fraction of time the graphics engine was busy, 0..1; per MIG instance. */
  grEngineActive: "DCGM_FI_PROF_GR_ENGINE_ACTIVE",
} as const;

/** A time series as the Prometheus API returns it: its labels and samples in time order. */
export interface PromSeries {
  labels: Record<string, string>;
  /** `[epochMs, value]` pairs, oldest first. */
  samples: [number, number][];
}

/** The physical GPU a series belongs to. */
export interface BoardIdentity {
  /** `GPU-...` uuid (label `UUID`, or `uuid` with dcgm-exporter's old namespace); `null` without one. */
  uuid: string | null;
  /** Host name (label `Hostname`, renamed `hostname` in 2026; both read); `null` without one. */
  host: string | null;
  /** The GPU's index on its host (label `gpu`), `null` when absent. */
  index: number | null;
  /** Product name (label `modelName`), `null` when absent. */
  name: string | null;
  /** Key that is the same for every series of one board. */
  key: string;
}

/** A MIG instance, from the labels `GPU_I_ID` and `GPU_I_PROFILE`. */
export interface MigInstance {
  id: string;
  /** Such as `3g.40gb`; `null` when absent. */
  profile: string | null;
}

function label(labels: Record<string, string>, ...names: string[]): string | null {
  for (const name of names) {
    const value = labels[name];
    if (value !== undefined && value !== "") return value;
  }
  return null;
}

/** The board a series describes. */
export function boardOf(labels: Record<string, string>): BoardIdentity {
  const uuid = label(labels, "UUID", "uuid");
  const host = label(labels, "Hostname", "hostname");
  const gpu = label(labels, "gpu");
  const index = gpu !== null && /^\d+$/.test(gpu) ? Number(gpu) : null;
  const key = uuid ?? `${host ?? labels.instance ?? "?"}/${gpu ?? "?"}`;
  return { uuid, host, index, name: label(labels, "modelName"), key };
}

/** The MIG instance a series describes; `null` for a whole GPU. */
export function migInstanceOf(labels: Record<string, string>): MigInstance | null {
  const id = label(labels, "GPU_I_ID");
  return id === null ? null : { id, profile: label(labels, "GPU_I_PROFILE") };
}

/** One board with the series the selector matched on it. */
export interface BoardSeries {
  board: BoardIdentity;
  /** The series kept for the board's figures: the one with the most samples (MIG duplicates dropped). */
  series: PromSeries;
  /** Matched MIG instances; empty when the selector matched the whole GPU. */
  instances: MigInstance[];
  /** Series of this board that were left out as duplicates. */
  duplicates: number;
}

/**
 * Groups series by physical GPU, keeping one series per board. A board counts whole when any
 * matched series has no MIG instance label; otherwise `instances` lists the matched instances.
 */
export function groupByBoard(series: PromSeries[]): BoardSeries[] {
  const boards = new Map<string, { board: BoardIdentity; all: PromSeries[]; whole: boolean; instances: Map<string, MigInstance> }>();
  for (const one of series) {
    const board = boardOf(one.labels);
    let entry = boards.get(board.key);
    if (!entry) {
      entry = { board, all: [], whole: false, instances: new Map() };
      boards.set(board.key, entry);
    }
    entry.all.push(one);
    const instance = migInstanceOf(one.labels);
    if (instance === null) entry.whole = true;
    else entry.instances.set(instance.id, instance);
  }
  return [...boards.values()]
    .map(({ board, all, whole, instances }) => {
      // Series of one board can differ in pod labels or restart; the longest is the best record.
      const kept = all.reduce((best, one) => (one.samples.length > best.samples.length ? one : best));
      const merged = mergeSamples(all.filter((one) => sameInstanceLabels(one, kept)));
      return {
        board,
        series: { labels: kept.labels, samples: merged },
        instances: whole ? [] : [...instances.values()].sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true })),
        duplicates: all.length - all.filter((one) => sameInstanceLabels(one, kept)).length,
      };
    })
    .sort(compareBoards);
}

/** Same MIG instance (or both whole): series that differ only in labels such as `pod` after a restart. */
function sameInstanceLabels(a: PromSeries, b: PromSeries): boolean {
  return (a.labels.GPU_I_ID ?? "") === (b.labels.GPU_I_ID ?? "");
}

/** Samples of several series of one record, merged in time order (one value per timestamp). */
function mergeSamples(all: PromSeries[]): [number, number][] {
  if (all.length === 1) return all[0]!.samples;
  const byTime = new Map<number, number>();
  for (const one of all) for (const [tMs, value] of one.samples) if (!byTime.has(tMs)) byTime.set(tMs, value);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

function compareBoards(a: BoardSeries, b: BoardSeries): number {
  const host = (a.board.host ?? "").localeCompare(b.board.host ?? "");
  if (host !== 0) return host;
  return (a.board.index ?? Number.MAX_SAFE_INTEGER) - (b.board.index ?? Number.MAX_SAFE_INTEGER) || a.board.key.localeCompare(b.board.key);
}

/**
 * The scrape interval the samples show: the median spacing of consecutive samples over all
 * series, ms; `null` with fewer than two samples in every series.
 */
export function scrapeIntervalMs(series: PromSeries[]): number | null {
  // A week of samples has hundreds of thousands of spacings: sorted as numbers in a typed array.
  const spacings = new Float64Array(series.reduce((n, one) => n + Math.max(0, one.samples.length - 1), 0));
  let count = 0;
  for (const one of series)
    for (let i = 1; i < one.samples.length; i++) {
      const dt = one.samples[i]![0] - one.samples[i - 1]![0];
      if (dt > 0) spacings[count++] = dt;
    }
  if (count === 0) return null;
  return spacings.subarray(0, count).sort()[Math.floor(count / 2)]!;
}

/**
 * Share of a MIG board's compute given to `instances` by their profiles (`<n>g.<memory>`: n of
 * the board's 7 compute slices on A100/H100/H200), `null` when a profile does not say.
 */
export function profileShare(instances: MigInstance[]): number | null {
  let slices = 0;
  for (const instance of instances) {
    const match = /^(\d+)g\./.exec(instance.profile ?? "");
    if (!match) return null;
    slices += Number(match[1]);
  }
  return Math.min(1, slices / 7);
}

/** The label names a selector tests (`hpc_job="42",Hostname=~"a|b"` gives hpc_job and Hostname). */
export function selectorLabelNames(selector: string): string[] {
  const names = new Set<string>();
  const matcher = /([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/g;
  for (const match of selector.matchAll(matcher)) names.add(match[1]!);
  return [...names];
}
