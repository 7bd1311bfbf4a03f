/**
 * Which GPUs a job counts. Pure: from the `gpus` input or the job's environment and what
 * nvidia-smi lists, decides which physical GPUs to sample and says why.
 *
 * nvidia-smi ignores CUDA_VISIBLE_DEVICES and NVIDIA_VISIBLE_DEVICES, so their ids are mapped
 * to the GPUs it lists: UUIDs by uuid (unique prefixes accepted, as CUDA does), indices by
 * position in nvidia-smi's order, which is PCI bus order. CUDA numbers GPUs fastest first unless
 * CUDA_DEVICE_ORDER=PCI_BUS_ID; the two agree for GPUs of one model in practice, and a report on
 * a host that mixes models says the mapping may be wrong. A MIG slice is mapped to its parent
 * GPU, whose power covers every slice: that figure is the whole board's.
 */

/** What the `gpus` input asks for. */
export type GpuRequest = { kind: "auto" } | { kind: "all" } | { kind: "list"; ids: string[] };

/** A GPU nvidia-smi lists, with the MIG devices `nvidia-smi -L` shows under it. */
export interface InventoryGpu {
  index: string | null;
  uuid: string | null;
  name: string | null;
  /** `MIG-...` uuids of its MIG devices (empty without MIG or when not listed). */
  migUuids: string[];
}

/** A GPU the report counts. */
export interface CountedGpu {
  index: string | null;
  uuid: string | null;
  name: string | null;
  /** Why it is counted, in words (the id that named it, and how it was mapped). */
  reason: string;
}

/** The decision, as the report shows it. */
export interface GpuSelection {
  /** Where the choice came from: the `gpus` input, an environment variable, or every GPU. */
  source: "input" | "CUDA_VISIBLE_DEVICES" | "NVIDIA_VISIBLE_DEVICES" | "all";
  /** The ids as given (`null` when every GPU is counted by default). */
  requested: string | null;
  /** The physical GPUs sampled and counted. */
  counted: CountedGpu[];
  /** GPUs nvidia-smi lists that are not counted (another job's, on a shared host). */
  excludedCount: number;
  /** True when a MIG slice was mapped to its parent: the energy is the whole board's. */
  wholeBoard: boolean;
  /** Assumptions made in mapping ids to GPUs, in words. */
  notes: string[];
  /** Problems: ids that matched nothing, a mapping that may be wrong, a shared MIG board. */
  warnings: string[];
}

const ID = /^(\d+|GPU-[0-9A-Fa-f-]+|MIG-[0-9A-Za-z/-]+)$/;

/** Parses the `gpus` input: "" (auto), `all`, or ids separated by commas; `null` when invalid. */
export function parseGpuList(raw: string): GpuRequest | null {
  const text = raw.trim();
  if (text === "") return { kind: "auto" };
  if (text.toLowerCase() === "all") return { kind: "all" };
  const ids = text
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return ids.length > 0 && ids.every((id) => ID.test(id)) ? { kind: "list", ids } : null;
}

/** The environment variables that name a job's GPUs. */
export interface GpuEnv {
  CUDA_VISIBLE_DEVICES?: string;
  NVIDIA_VISIBLE_DEVICES?: string;
  CUDA_DEVICE_ORDER?: string;
}

type Match = { gpu: InventoryGpu; how: string; mig: boolean } | null;

function byPrefix(inventory: InventoryGpu[], id: string, key: (gpu: InventoryGpu) => string[]): InventoryGpu | null {
  const exact = inventory.filter((gpu) => key(gpu).includes(id));
  if (exact.length === 1) return exact[0] ?? null;
  const prefixed = inventory.filter((gpu) => key(gpu).some((uuid) => uuid.startsWith(id)));
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}

/** Finds the physical GPU an id names. Indices count in nvidia-smi's (PCI) order. */
function resolve(id: string, inventory: InventoryGpu[]): Match {
  if (/^\d+$/.test(id)) {
    const gpu = inventory[Number(id)];
    return gpu ? { gpu, how: `index ${id}`, mig: false } : null;
  }
  // CUDA 11.0-11.x style: MIG-GPU-<parent uuid>/<gpu instance>/<compute instance>.
  const legacy = /^MIG-(GPU-[0-9A-Fa-f-]+)\/\d+\/\d+$/.exec(id);
  if (legacy) {
    const gpu = byPrefix(inventory, legacy[1] ?? "", (g) => (g.uuid ? [g.uuid] : []));
    return gpu ? { gpu, how: `MIG device ${id} of ${gpu.uuid}`, mig: true } : null;
  }
  if (id.startsWith("MIG-")) {
    const gpu = byPrefix(inventory, id, (g) => g.migUuids);
    return gpu ? { gpu, how: `MIG device ${id} of ${gpu.uuid}`, mig: true } : null;
  }
  const gpu = byPrefix(inventory, id, (g) => (g.uuid ? [g.uuid] : []));
  return gpu ? { gpu, how: `uuid ${id}`, mig: false } : null;
}

function select(
  ids: string[],
  inventory: InventoryGpu[],
  source: GpuSelection["source"],
  stopAtUnknown: boolean,
): Omit<GpuSelection, "requested"> {
  const counted: CountedGpu[] = [];
  const warnings: string[] = [];
  let wholeBoard = false;
  for (const id of ids) {
    const match = resolve(id, inventory);
    if (!match) {
      warnings.push(
        stopAtUnknown
          ? `${source} entry '${id}' matches no GPU nvidia-smi lists; CUDA ignores it and every entry after it`
          : `'${id}' in ${source === "input" ? "input 'gpus'" : source} matches no GPU nvidia-smi lists`,
      );
      if (stopAtUnknown) break;
      continue;
    }
    wholeBoard ||= match.mig;
    const seen = counted.find((c) => c.uuid === match.gpu.uuid && c.index === match.gpu.index);
    if (seen) seen.reason += `; ${match.how}`;
    else counted.push({ index: match.gpu.index, uuid: match.gpu.uuid, name: match.gpu.name, reason: `${source}: ${match.how}` });
  }
  if (wholeBoard)
    warnings.push(
      "a MIG slice was mapped to its parent GPU: nvidia-smi reads power only for the whole board, so the energy counted is the whole board's, shared with the other slices",
    );
  return { source, counted, excludedCount: inventory.length - counted.length, wholeBoard, notes: [], warnings };
}

function everyGpu(inventory: InventoryGpu[], source: GpuSelection["source"], reason: string): GpuSelection {
  return {
    source,
    requested: source === "all" ? null : "all",
    counted: inventory.map((gpu) => ({ index: gpu.index, uuid: gpu.uuid, name: gpu.name, reason })),
    excludedCount: 0,
    wholeBoard: false,
    notes: [],
    warnings: [],
  };
}

/** How CUDA indices were read: a note when it is safe, a warning when it may be wrong. */
function cudaOrder(ids: string[], inventory: InventoryGpu[], order: string | undefined): { notes: string[]; warnings: string[] } {
  if (!ids.some((id) => /^\d+$/.test(id)) || order === "PCI_BUS_ID") return { notes: [], warnings: [] };
  const models = new Set(inventory.map((gpu) => gpu.name));
  if (models.size <= 1)
    return {
      notes: ["CUDA_VISIBLE_DEVICES indices were read in PCI bus order (nvidia-smi's), as CUDA numbers GPUs of one model"],
      warnings: [],
    };
  return {
    notes: [],
    warnings: [
      "CUDA_VISIBLE_DEVICES indices were read in PCI bus order, but CUDA numbers GPUs fastest first unless CUDA_DEVICE_ORDER=PCI_BUS_ID, and this host mixes GPU models: the counted GPUs may not be the job's; set CUDA_DEVICE_ORDER=PCI_BUS_ID or use GPU UUIDs",
    ],
  };
}

/**
 * Decides which GPUs to count.
 * @param inContainer true inside a container, where NVIDIA_VISIBLE_DEVICES already limited what
 *   nvidia-smi sees (and renumbered it), so its indices are not nvidia-smi's
 */
export function selectGpus(request: GpuRequest, env: GpuEnv, inventory: InventoryGpu[], inContainer: boolean): GpuSelection {
  if (request.kind === "all") return everyGpu(inventory, "input", "input 'gpus' is all");
  if (request.kind === "list") {
    const result = select(request.ids, inventory, "input", false);
    return { ...result, requested: request.ids.join(",") };
  }
  const cuda = env.CUDA_VISIBLE_DEVICES;
  if (cuda !== undefined) {
    const ids = cuda
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id.length > 0);
    if (ids.length === 0 || /^-/.test(ids[0] ?? "")) return { ...select([], inventory, "CUDA_VISIBLE_DEVICES", true), requested: cuda };
    const result = select(ids, inventory, "CUDA_VISIBLE_DEVICES", true);
    const order = cudaOrder(ids, inventory, env.CUDA_DEVICE_ORDER);
    return { ...result, requested: cuda, notes: order.notes, warnings: [...result.warnings, ...order.warnings] };
  }
  const nvidia = env.NVIDIA_VISIBLE_DEVICES?.trim();
  if (nvidia && nvidia !== "void") {
    if (nvidia === "all") return everyGpu(inventory, "NVIDIA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES is all");
    if (nvidia === "none") return { ...select([], inventory, "NVIDIA_VISIBLE_DEVICES", false), requested: nvidia };
    const ids = nvidia.split(",").map((id) => id.trim());
    if (inContainer && ids.every((id) => /^\d+$/.test(id))) {
      // The container runtime exposed only these GPUs and renumbered them: count what it shows.
      const selection = everyGpu(inventory, "NVIDIA_VISIBLE_DEVICES", `NVIDIA_VISIBLE_DEVICES=${nvidia}: exposed to this container`);
      return { ...selection, requested: nvidia };
    }
    const result = select(ids, inventory, "NVIDIA_VISIBLE_DEVICES", false);
    return { ...result, requested: nvidia };
  }
  return everyGpu(inventory, "all", "no CUDA_VISIBLE_DEVICES or NVIDIA_VISIBLE_DEVICES: every GPU nvidia-smi lists");
}

/** Parses `nvidia-smi -L`: GPUs with the MIG devices listed under each. */
export function parseListGpus(text: string): { index: string; uuid: string; migUuids: string[] }[] {
  const gpus: { index: string; uuid: string; migUuids: string[] }[] = [];
  for (const line of text.split("\n")) {
    const gpu = /^GPU (\d+): .*\(UUID: (GPU-[^)\s]+)\)/.exec(line);
    if (gpu) {
      gpus.push({ index: gpu[1] ?? "", uuid: gpu[2] ?? "", migUuids: [] });
      continue;
    }
    const mig = /^\s+MIG .*\(UUID: (MIG-[^)\s]+)\)/.exec(line);
    if (mig && gpus.length > 0) gpus[gpus.length - 1]?.migUuids.push(mig[1] ?? "");
  }
  return gpus;
}
