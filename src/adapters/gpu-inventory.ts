/** The GPUs nvidia-smi lists, with their MIG devices when a MIG id must be mapped to a GPU. */
import { parseListGpus, type InventoryGpu } from "../core/nvidia-smi/gpu-selection.js";
import type { GpuSnapshot } from "./nvidia-smi.js";
import { deadlines } from "./deadlines.js";
import { runCommand } from "./process-runner.js";

/**
 * The inventory for GPU selection. `--query-gpu` has one row per physical GPU even with MIG on,
 * and only `nvidia-smi -L` names the MIG devices under their parent, so it runs only when
 * `needMig` (some id to map is a `MIG-...` uuid). If it fails, MIG ids simply match nothing.
 */
export async function gpuInventory(nvidiaSmi: string, gpus: GpuSnapshot[], needMig: boolean): Promise<InventoryGpu[]> {
  const inventory = gpus.map((gpu) => ({ index: gpu.index, uuid: gpu.uuid, name: gpu.name, migUuids: [] as string[] }));
  if (!needMig) return inventory;
  const listed = await runCommand(nvidiaSmi, ["-L"], { timeoutMs: deadlines().commandMs });
  if (listed.exitCode !== 0) return inventory;
  for (const entry of parseListGpus(listed.stdout)) {
    const gpu = inventory.find((g) => g.uuid === entry.uuid);
    if (gpu) gpu.migUuids.push(...entry.migUuids);
  }
  return inventory;
}
