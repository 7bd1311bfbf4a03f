/**
 * A stand-in for NVIDIA's dcgm-exporter: GPUs with a known power trace, written in the
 * exporter's text format with its label set (gpu, UUID, pci_bus_id, device, modelName,
 * Hostname or hostname, DCGM_FI_DRIVER_VERSION, container/namespace/pod, hpc_job, and
 * GPU_I_PROFILE/GPU_I_ID on MIG instances). The energy counter is the exact integral of the
 * trace, so every expected figure can be worked out by hand.
 */

/** Power over time: straight lines between `[epochMs, W]` points, flat before the first and after the last. */
export type PowerTrace = [number, number][];

export interface FakeMigInstance {
  id: string;
  profile: string;
  /** Mean graphics-engine activity, 0..1 (constant); absent: the exporter does not collect it. */
  grActive?: number;
  /** Kubernetes / Slurm labels of the instance's owner. */
  labels?: Record<string, string>;
}

export interface FakeGpu {
  host: string;
  /** `Hostname` (dcgm-exporter 4.5 and older) or `hostname` (after PR #655). */
  hostLabel?: "Hostname" | "hostname";
  gpu: number;
  uuid: string;
  modelName?: string;
  trace: PowerTrace;
  /** When the driver last loaded: the counter counts from 0 here, ms since the epoch. */
  bootEpochMs: number;
  /** A driver reload: the counter starts again from 0 at this time. */
  resetEpochMs?: number;
  /** false: the exporter has no energy counter series for this GPU (power only). */
  counter?: boolean;
  /** Owner labels of a whole GPU (pod, namespace, container, hpc_job). */
  labels?: Record<string, string>;
  /** MIG instances: each gets its own series repeating the board's power and energy. */
  mig?: FakeMigInstance[];
}

/** The trace's power at `tMs`, W. */
export function powerAt(trace: PowerTrace, tMs: number): number {
  if (tMs <= trace[0]![0]) return trace[0]![1];
  for (let i = 1; i < trace.length; i++) {
    const [t1, p1] = trace[i]!;
    const [t0, p0] = trace[i - 1]!;
    if (tMs <= t1) return p0 + ((p1 - p0) * (tMs - t0)) / (t1 - t0);
  }
  return trace[trace.length - 1]![1];
}

/** Exact energy of the trace between two times, J. */
export function energyJ(trace: PowerTrace, fromMs: number, toMs: number): number {
  const cuts = [fromMs, ...trace.map(([t]) => t).filter((t) => t > fromMs && t < toMs), toMs];
  let joules = 0;
  for (let i = 1; i < cuts.length; i++)
    joules += ((powerAt(trace, cuts[i - 1]!) + powerAt(trace, cuts[i]!)) / 2) * ((cuts[i]! - cuts[i - 1]!) / 1000);
  return joules;
}

/** The counter's value at `tMs`, mJ (since boot, or since the reset once past it). */
export function counterMj(gpu: FakeGpu, tMs: number): number {
  const since = gpu.resetEpochMs !== undefined && tMs >= gpu.resetEpochMs ? gpu.resetEpochMs : gpu.bootEpochMs;
  return Math.round(energyJ(gpu.trace, since, tMs) * 1000);
}

function escape(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(",");
}

/** The label sets of a GPU's series: one for a whole GPU, one per MIG instance. */
export function seriesLabels(gpu: FakeGpu): Record<string, string>[] {
  const base: Record<string, string> = {
    gpu: String(gpu.gpu),
    UUID: gpu.uuid,
    pci_bus_id: `00000000:${(0x18 + gpu.gpu * 0x10).toString(16).toUpperCase()}:00.0`,
    device: `nvidia${gpu.gpu}`,
    modelName: gpu.modelName ?? "NVIDIA H100 80GB HBM3",
    [gpu.hostLabel ?? "Hostname"]: gpu.host,
    DCGM_FI_DRIVER_VERSION: "590.48.01",
  };
  const owner = (labels: Record<string, string> | undefined) => ({ container: "", namespace: "", pod: "", ...labels });
  if (!gpu.mig) return [{ ...base, ...owner(gpu.labels) }];
  return gpu.mig.map((instance) => ({ ...base, ...owner(instance.labels), GPU_I_PROFILE: instance.profile, GPU_I_ID: instance.id }));
}

const FAMILIES = [
  ["DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W)."],
  ["DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter", "Total energy consumption since boot (in mJ)."],
  ["DCGM_FI_PROF_GR_ENGINE_ACTIVE", "gauge", "Ratio of time the graphics engine is active."],
] as const;

/** One family's sample lines for the GPUs at `tMs`; `stamp` appends the time (OpenMetrics, seconds). */
function familyLines(
  name: (typeof FAMILIES)[number][0],
  gpus: FakeGpu[],
  tMs: number,
  stamp: boolean,
  extra: Record<string, string> = {},
): string[] {
  const lines: string[] = [];
  const suffix = stamp ? ` ${(tMs / 1000).toFixed(3)}` : "";
  for (const gpu of gpus) {
    const labelSets = seriesLabels(gpu);
    labelSets.forEach((labels, i) => {
      let value: number | null;
      if (name === "DCGM_FI_DEV_POWER_USAGE") value = Math.round(powerAt(gpu.trace, tMs) * 1000) / 1000;
      else if (name === "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION") value = gpu.counter === false ? null : counterMj(gpu, tMs);
      else value = gpu.mig?.[i]?.grActive ?? null;
      if (value !== null) lines.push(`${name}{${labelText({ ...labels, ...extra })}} ${value}${suffix}`);
    });
  }
  return lines;
}

/** The exporter's `/metrics` page for the GPUs at `tMs` (Prometheus text format). */
export function metricsPage(gpus: FakeGpu[], tMs: number): string {
  return (
    FAMILIES.flatMap(([name, type, help]) => {
      const lines = familyLines(name, gpus, tMs, false);
      return lines.length === 0 ? [] : [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines];
    }).join("\n") + "\n"
  );
}

/** A scrape history: what Prometheus would have stored, as OpenMetrics for `promtool tsdb create-blocks-from openmetrics`. */
export interface ScrapePlan {
  gpus: FakeGpu[];
  fromMs: number;
  toMs: number;
  intervalMs: number;
  /** Stretches with no scrape (the exporter restarting), `[fromMs, toMs)`. */
  down?: [number, number][];
  /** Labels Prometheus adds at a scrape time, such as `instance` (a restarted exporter pod gets a new address). */
  targetLabels?: (tMs: number) => Record<string, string>;
}

/** OpenMetrics text for several scrape plans (one `# TYPE` per family; samples in time order per series). */
export function openMetrics(plans: ScrapePlan[]): string {
  const out: string[] = [];
  for (const [name] of FAMILIES) {
    // The counter is declared a gauge: OpenMetrics wants `_total` on counters, Prometheus stores no type.
    out.push(`# TYPE ${name} gauge`);
    for (const plan of plans) {
      for (const gpu of plan.gpus) {
        for (let t = plan.fromMs; t <= plan.toMs; t += plan.intervalMs) {
          if (plan.down?.some(([a, b]) => t >= a && t < b)) continue;
          out.push(...familyLines(name, [gpu], t, true, plan.targetLabels?.(t)));
        }
      }
    }
  }
  out.push("# EOF");
  return out.join("\n") + "\n";
}
