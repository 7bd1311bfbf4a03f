/**
 * Embodied (manufacturing) carbon of the GPUs, amortised over their service life per GPU-hour.
 * Reported apart from the operational emissions, never added to them. Pure.
 */
import { EMBODIED_ROWS } from "../../data/facility.js";

/** Hours in a (365-day) year, for amortisation over calendar time. */
export const HOURS_PER_YEAR = 8760;

/** One GPU's share of its manufacturing footprint for this job. */
export interface EmbodiedGpu {
  /** nvidia-smi index, `null` when unknown. */
  index: number | null;
  /** Product name nvidia-smi reported, `null` when unknown. */
  name: string | null;
  /** The published figure used (gpu-embodied.csv `item`); `null` when none matches the model. */
  item: string | null;
  /** Manufacturing footprint of one GPU, kgCO2e; `null` when unmatched. */
  kgPerGpu: number | null;
  /** Amortised footprint per hour of use, gCO2e per GPU-hour; `null` when unmatched. */
  gramsPerGpuHour: number | null;
  /** This job's share, kgCO2e; `null` when unmatched. */
  kg: number | null;
}

/** The embodied-carbon part of a report (only when asked for with `embodied: true`). */
export interface EmbodiedReport {
  /** Sum over matched GPUs, kgCO2e; `null` when no GPU matched a published figure. */
  kg: number | null;
  /** Service life the footprint is spread over, years. */
  lifetimeYears: number;
  /** Hours each GPU was held by the job (the measurement window). */
  gpuHours: number;
  /** Per GPU. */
  gpus: EmbodiedGpu[];
  /** What the figures cover, in words. */
  boundary: string;
}

/** GPU model patterns (on nvidia-smi's `name`) -> the gpu-embodied.csv item that describes it. */
const MATCHERS: { pattern: RegExp; item: string }[] = [
  { pattern: /\bA100[- ]SXM4?[- ]40GB\b/i, item: "NVIDIA A100 SXM 40GB (Falk et al. 2025)" },
  { pattern: /\bA100\b/i, item: "NVIDIA A100 GPU (BLOOM study)" },
  { pattern: /\bH100\b/i, item: "NVIDIA HGX H100 baseboard (8x H100 SXM)" },
];

export const EMBODIED_BOUNDARY =
  "cradle-to-gate manufacturing of the GPU boards only (no host server), spread evenly over the service life";

/** The published per-GPU figure for a model name, `null` when none matches. */
export function embodiedFigure(name: string | null): { item: string; kgPerGpu: number } | null {
  if (!name) return null;
  const matcher = MATCHERS.find((m) => m.pattern.test(name));
  const row = matcher && EMBODIED_ROWS.find((r) => r.item === matcher.item);
  return row && row.kgPerGpu !== null ? { item: row.item, kgPerGpu: row.kgPerGpu } : null;
}

/**
 * Each GPU's share: kgPerGpu x 1000 / (lifetimeYears x 8760) g per GPU-hour, times the hours the
 * job held it (the whole window, busy or idle: the GPU was reserved for the job either way).
 */
export function amortiseEmbodied(
  gpus: { index: number | null; name: string | null }[],
  durationSeconds: number,
  lifetimeYears: number,
): EmbodiedReport {
  const gpuHours = durationSeconds / 3600;
  const perGpu = gpus.map((gpu): EmbodiedGpu => {
    const figure = embodiedFigure(gpu.name);
    if (!figure) return { index: gpu.index, name: gpu.name, item: null, kgPerGpu: null, gramsPerGpuHour: null, kg: null };
    const gramsPerGpuHour = (figure.kgPerGpu * 1000) / (lifetimeYears * HOURS_PER_YEAR);
    return { index: gpu.index, name: gpu.name, ...figure, gramsPerGpuHour, kg: (gramsPerGpuHour * gpuHours) / 1000 };
  });
  const matched = perGpu.filter((g) => g.kg !== null);
  return {
    kg: matched.length === 0 ? null : matched.reduce((sum, g) => sum + (g.kg ?? 0), 0),
    lifetimeYears,
    gpuHours,
    gpus: perGpu,
    boundary: EMBODIED_BOUNDARY,
  };
}
