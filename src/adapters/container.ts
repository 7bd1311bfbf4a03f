/**
 * Whether the action runs inside a container (a `container:` job runs JavaScript actions inside
 * the job container), and what to tell the user when nvidia-smi is missing there.
 */
import { existsSync } from "node:fs";

/** Files container engines create in every container: Docker, then Podman. */
export const CONTAINER_MARKERS = ["/.dockerenv", "/run/.containerenv"];

/** The marker file found, or `null` outside a container. */
export function detectContainer(exists: (file: string) => boolean = existsSync): string | null {
  return CONTAINER_MARKERS.find((file) => exists(file)) ?? null;
}

/** The warning for a missing nvidia-smi, with what to mount or install where the step runs. */
export function missingNvidiaSmiMessage(containerMarker: string | null, inputName: string): string {
  if (containerMarker === null)
    return `nvidia-smi was not found on PATH, so GPU power cannot be read. Install the NVIDIA driver (it ships nvidia-smi) on the runner, or set '${inputName}'.`;
  return [
    `nvidia-smi was not found on PATH inside this container (${containerMarker} exists: in a \`container:\` job the action runs in the job's image), so GPU power cannot be read.`,
    "Give the job container the GPUs and the driver's utilities: on a runner with the NVIDIA Container Toolkit, set `container.options: --gpus all` and `container.env.NVIDIA_DRIVER_CAPABILITIES: compute,utility` (the toolkit mounts nvidia-smi and libnvidia-ml.so.1 only with `utility`).",
    `Without the toolkit, mount the host's nvidia-smi and libnvidia-ml.so.1 and the /dev/nvidia* devices into the container (\`container.volumes\`, \`--device\`) and set '${inputName}' to where nvidia-smi is mounted.`,
  ].join(" ");
}
