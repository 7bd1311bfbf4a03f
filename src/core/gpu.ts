/** How GPUs are named: shared by every topic of the core. */

/** How a GPU is named in a log. */
export interface GpuIdentity {
  /** Stable key: the uuid when the log has one, else the index, else "0". */
  key: string;
  /** nvidia-smi's index (PCI order), when the log has it. */
  index: string | null;
  /** `GPU-...` uuid, when the log has it. */
  uuid: string | null;
}

/** The identity of a row's GPU: keyed by uuid, else by index, else the only GPU. */
export function gpuIdentity(uuid: string | null, index: string | null): GpuIdentity {
  return { key: uuid ?? (index !== null ? `index:${index}` : "index:0"), uuid, index };
}

/** A GPU in a sentence: `GPU 1` by its index, else its uuid. */
export function gpuLabel(gpu: { index: string | number | null; uuid: string | null }): string {
  return gpu.index !== null ? `GPU ${gpu.index}` : (gpu.uuid ?? "GPU");
}
