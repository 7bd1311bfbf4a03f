import { describe, expect, it } from "vitest";
import { detectContainer, missingNvidiaSmiMessage } from "../../../src/adapters/container.js";
import { parseGpuList, parseListGpus, selectGpus, type InventoryGpu } from "../../../src/core/nvidia-smi/gpu-selection.js";

const H100 = "NVIDIA H100 80GB HBM3";
const inventory: InventoryGpu[] = [0, 1, 2, 3].map((i) => ({
  index: String(i),
  uuid: `GPU-${i}${i}${i}${i}aaaa-1111-2222-3333-444444444444`,
  name: H100,
  migUuids: [],
}));
const uuid = (i: number) => inventory[i]!.uuid;
const counted = (selection: ReturnType<typeof selectGpus>) => selection.counted.map((g) => g.index);

describe("which GPUs a job counts", () => {
  it("counts every GPU when nothing names the job's GPUs", () => {
    const s = selectGpus({ kind: "auto" }, {}, inventory, false);
    expect(counted(s)).toEqual(["0", "1", "2", "3"]);
    expect(s).toMatchObject({ source: "all", requested: null, excludedCount: 0, wholeBoard: false, warnings: [] });
  });

  it("follows CUDA_VISIBLE_DEVICES, by index and by uuid prefix, and says how indices were read", () => {
    const s = selectGpus({ kind: "auto" }, { CUDA_VISIBLE_DEVICES: "2,GPU-3333" }, inventory, false);
    expect(counted(s)).toEqual(["2", "3"]);
    expect(s.counted[0]!.reason).toBe("CUDA_VISIBLE_DEVICES: index 2");
    expect(s.counted[1]!.reason).toBe("CUDA_VISIBLE_DEVICES: uuid GPU-3333");
    expect(s.excludedCount).toBe(2);
    expect(s.notes).toEqual(["CUDA_VISIBLE_DEVICES indices were read in PCI bus order (nvidia-smi's), as CUDA numbers GPUs of one model"]);
  });

  it("warns that CUDA's fastest-first order may differ on a host mixing models, unless CUDA_DEVICE_ORDER=PCI_BUS_ID", () => {
    const mixed = inventory.map((g, i) => ({ ...g, name: i === 0 ? "NVIDIA RTX A4000" : H100 }));
    expect(selectGpus({ kind: "auto" }, { CUDA_VISIBLE_DEVICES: "1" }, mixed, false).warnings[0]).toContain(
      "CUDA numbers GPUs fastest first unless CUDA_DEVICE_ORDER=PCI_BUS_ID",
    );
    const pci = selectGpus({ kind: "auto" }, { CUDA_VISIBLE_DEVICES: "1", CUDA_DEVICE_ORDER: "PCI_BUS_ID" }, mixed, false);
    expect(pci.warnings).toEqual([]);
    expect(pci.notes).toEqual([]);
  });

  it("stops at the first CUDA_VISIBLE_DEVICES entry that matches nothing, as CUDA does", () => {
    const s = selectGpus({ kind: "auto" }, { CUDA_VISIBLE_DEVICES: "1,7,2" }, inventory, false);
    expect(counted(s)).toEqual(["1"]);
    expect(s.warnings).toEqual([
      "CUDA_VISIBLE_DEVICES entry '7' matches no GPU nvidia-smi lists; CUDA ignores it and every entry after it",
    ]);
  });

  it.each([[""], ["-1"]])("counts no GPU when CUDA_VISIBLE_DEVICES is '%s'", (value) => {
    const s = selectGpus({ kind: "auto" }, { CUDA_VISIBLE_DEVICES: value, NVIDIA_VISIBLE_DEVICES: "all" }, inventory, false);
    expect(s.counted).toEqual([]);
    expect(s.excludedCount).toBe(4);
  });

  it("maps NVIDIA_VISIBLE_DEVICES by uuid, and by nvidia-smi index outside a container", () => {
    const env = { NVIDIA_VISIBLE_DEVICES: `${uuid(3)},1` };
    expect(counted(selectGpus({ kind: "auto" }, env, inventory, false))).toEqual(["3", "1"]);
    expect(counted(selectGpus({ kind: "auto" }, { NVIDIA_VISIBLE_DEVICES: "none" }, inventory, false))).toEqual([]);
    expect(selectGpus({ kind: "auto" }, { NVIDIA_VISIBLE_DEVICES: "void" }, inventory, false).source).toBe("all");
  });

  it("inside a container counts what the runtime exposed: its indices are the host's, renumbered", () => {
    const exposed = inventory.slice(0, 2);
    const s = selectGpus({ kind: "auto" }, { NVIDIA_VISIBLE_DEVICES: "5,6" }, exposed, true);
    expect(counted(s)).toEqual(["0", "1"]);
    expect(s.counted[0]!.reason).toBe("NVIDIA_VISIBLE_DEVICES=5,6: exposed to this container");
  });

  it("maps a MIG slice to its parent GPU and flags the figure as the whole board's", () => {
    const mig = inventory.map((g, i) => (i === 1 ? { ...g, migUuids: ["MIG-aaaa0001-0000-5000-8000-000000000001", "MIG-aaaa0002"] } : g));
    const s = selectGpus({ kind: "auto" }, { CUDA_VISIBLE_DEVICES: "MIG-aaaa0001-0000-5000-8000-000000000001,MIG-aaaa0002" }, mig, false);
    expect(counted(s)).toEqual(["1"]);
    expect(s.wholeBoard).toBe(true);
    expect(s.counted[0]!.reason).toBe(
      `CUDA_VISIBLE_DEVICES: MIG device MIG-aaaa0001-0000-5000-8000-000000000001 of ${uuid(1)}; MIG device MIG-aaaa0002 of ${uuid(1)}`,
    );
    expect(s.warnings.at(-1)).toContain("the energy counted is the whole board's, shared with the other slices");
    // CUDA 11's form names the parent itself.
    expect(counted(selectGpus({ kind: "list", ids: [`MIG-${uuid(2)}/7/0`] }, {}, inventory, false))).toEqual(["2"]);
  });

  it("takes the gpus input over the environment, and says which ids matched nothing", () => {
    const s = selectGpus({ kind: "list", ids: ["0", "GPU-ffff"] }, { CUDA_VISIBLE_DEVICES: "3" }, inventory, false);
    expect(counted(s)).toEqual(["0"]);
    expect(s).toMatchObject({ source: "input", requested: "0,GPU-ffff" });
    expect(s.warnings).toEqual(["'GPU-ffff' in input 'gpus' matches no GPU nvidia-smi lists"]);
    expect(counted(selectGpus({ kind: "all" }, { CUDA_VISIBLE_DEVICES: "3" }, inventory, false))).toHaveLength(4);
  });

  it("parses the gpus input", () => {
    expect(parseGpuList("")).toEqual({ kind: "auto" });
    expect(parseGpuList(" all ")).toEqual({ kind: "all" });
    expect(parseGpuList("0,1")).toEqual({ kind: "list", ids: ["0", "1"] });
    expect(parseGpuList("0 1")).toBeNull();
  });

  it("parses nvidia-smi -L with MIG devices under their parent", () => {
    const text = [
      "GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-5d5ba0d6-d33d-2b2c-524d-9e3d8d2b8a77)",
      "  MIG 3g.20gb     Device  0: (UUID: MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f)",
      "  MIG 3g.20gb     Device  1: (UUID: MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb)",
      "GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-0b6c4d2e-6f1a-4c57-a1d2-3e4f5a6b7c8d)",
      "",
    ].join("\n");
    expect(parseListGpus(text)).toEqual([
      {
        index: "0",
        uuid: "GPU-5d5ba0d6-d33d-2b2c-524d-9e3d8d2b8a77",
        migUuids: ["MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f", "MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb"],
      },
      { index: "1", uuid: "GPU-0b6c4d2e-6f1a-4c57-a1d2-3e4f5a6b7c8d", migUuids: [] },
    ]);
  });
});

describe("nvidia-smi missing in a job container", () => {
  it("detects Docker and Podman containers by their marker files", () => {
    expect(detectContainer((f) => f === "/.dockerenv")).toBe("/.dockerenv");
    expect(detectContainer((f) => f === "/run/.containerenv")).toBe("/run/.containerenv");
    expect(detectContainer(() => false)).toBeNull();
  });

  it("says what to mount or install", () => {
    expect(missingNvidiaSmiMessage("/.dockerenv", "nvidia-smi-path")).toBe(
      "nvidia-smi was not found on PATH inside this container (/.dockerenv exists: in a `container:` job the action runs in the job's image), so GPU power cannot be read. " +
        "Give the job container the GPUs and the driver's utilities: on a runner with the NVIDIA Container Toolkit, set `container.options: --gpus all` and `container.env.NVIDIA_DRIVER_CAPABILITIES: compute,utility` (the toolkit mounts nvidia-smi and libnvidia-ml.so.1 only with `utility`). " +
        "Without the toolkit, mount the host's nvidia-smi and libnvidia-ml.so.1 and the /dev/nvidia* devices into the container (`container.volumes`, `--device`) and set 'nvidia-smi-path' to where nvidia-smi is mounted.",
    );
    expect(missingNvidiaSmiMessage(null, "nvidia-smi-path")).toBe(
      "nvidia-smi was not found on PATH, so GPU power cannot be read. Install the NVIDIA driver (it ships nvidia-smi) on the runner, or set 'nvidia-smi-path'.",
    );
  });
});
