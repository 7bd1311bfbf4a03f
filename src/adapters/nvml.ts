/**
 * Reads every GPU's cumulative energy counter through NVML (`libnvidia-ml.so.1`, installed with
 * the NVIDIA driver) with koffi's native FFI module. It runs inside the short-lived counter
 * process (`src/entries/nvml.ts`), never in a hook, so a driver that hangs or crashes in
 * `nvmlInit` costs the hook a timeout, not the report.
 *
 * koffi's JavaScript entry looks for its native part in `node_modules`, which a bundled action
 * does not have; the caller names the `.node` file (beside the bundle, see `bundle.mjs`) and it is
 * loaded with `process.dlopen`. Its exports are koffi's API (`load`, `pointer`, `opaque`, ...).
 */
import { fileURLToPath } from "node:url";
import type * as Koffi from "koffi";
import type { CounterReading, CounterSnapshot } from "../core/energy/counter.js";
import { ENV } from "../config/names.js";
import { errorMessage } from "../core/errors.js";

/** The library name the dynamic loader resolves (the driver installs it on the library path). */
export const DEFAULT_NVML_LIBRARY = "libnvidia-ml.so.1";

/** NVML_DEVICE_UUID_V2_BUFFER_SIZE from nvml.h. */
const UUID_BUFFER_BYTES = 96;

type KoffiNative = typeof Koffi;

/**
 * Why this machine cannot run the bundled FFI module, or `null` when it can. Only the Linux x64
 * glibc build is shipped: arm64's comes in a package an x64 install does not fetch, and a musl
 * Node cannot load a glibc module.
 */
export function unsupportedPlatformReason(platform: string, arch: string, glibcVersion: string | undefined): string | null {
  if (platform !== "linux" || arch !== "x64") {
    return `the energy counter reader ships for Linux x64 only (this runner is ${platform} ${arch})`;
  }
  if (!glibcVersion) return "the energy counter reader needs a glibc-based Node (this Node is not)";
  return null;
}

/** The glibc version this Node runs on, `undefined` on musl and other C libraries. */
export function glibcVersion(): string | undefined {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header?.glibcVersionRuntime;
}

/** Loads koffi's native module from `file`. Throws when it is missing or does not fit this Node. */
export function loadKoffi(file: string): KoffiNative {
  const module = { exports: {} as KoffiNative };
  process.dlopen(module, file);
  if (typeof module.exports.load !== "function") throw new Error(`${file} is not koffi's native module`);
  return module.exports;
}

interface NvmlApi {
  errorText(code: number): string;
  init(): number;
  shutdown(): number;
  count(out: number[]): number;
  handle(index: number, out: unknown[]): number;
  uuid(device: unknown, buffer: Buffer, length: number): number;
  energy(device: unknown, out: (number | bigint)[]): number;
}

function bind(koffi: KoffiNative, library: string): NvmlApi | string {
  let lib: Koffi.LibraryHandle;
  try {
    lib = koffi.load(library);
  } catch (e) {
    const why = errorMessage(e);
    // The usual case off a GPU machine: no driver installed. Said plainly, without the loader's words.
    if (/cannot open shared object file|no such file/i.test(why))
      return `the NVIDIA management library (${library}) could not be loaded: it is not installed on this machine (it comes with the NVIDIA driver)`;
    return `the NVIDIA management library (${library}) could not be loaded: ${why}`;
  }
  const device = koffi.pointer(koffi.opaque());
  try {
    const errorString = lib.func("const char *nvmlErrorString(int result)");
    const bound = {
      init: lib.func("int nvmlInit_v2(void)"),
      shutdown: lib.func("int nvmlShutdown(void)"),
      count: lib.func("int nvmlDeviceGetCount_v2(_Out_ unsigned int *count)"),
      handle: lib.func("nvmlDeviceGetHandleByIndex_v2", "int", ["unsigned int", koffi.out(koffi.pointer(device))]),
      uuid: lib.func("nvmlDeviceGetUUID", "int", [device, "char *", "unsigned int"]),
    };
    let energy;
    try {
      energy = lib.func("nvmlDeviceGetTotalEnergyConsumption", "int", [device, koffi.out(koffi.pointer("unsigned long long"))]);
    } catch {
      return `this driver's NVML has no nvmlDeviceGetTotalEnergyConsumption (the driver predates the energy counter)`;
    }
    return { ...bound, energy, errorText: (code: number) => `${String(errorString(code))} (NVML error ${code})` };
  } catch (e) {
    return `the NVIDIA management library lacks a function gpu-carbon needs: ${errorMessage(e)}`;
  }
}

function readGpu(api: NvmlApi, index: number, now: () => number): CounterReading | string {
  const handle: unknown[] = [null];
  const found = api.handle(index, handle);
  if (found !== 0) return `GPU ${index} could not be opened: ${api.errorText(found)}`;
  const buffer = Buffer.alloc(UUID_BUFFER_BYTES);
  const named = api.uuid(handle[0], buffer, UUID_BUFFER_BYTES);
  if (named !== 0) return `GPU ${index} did not give its uuid: ${api.errorText(named)}`;
  const end = buffer.indexOf(0);
  const uuid = buffer.toString("utf8", 0, end < 0 ? buffer.length : end);
  const out: (number | bigint)[] = [0];
  const code = api.energy(handle[0], out);
  const readEpochMs = now();
  if (code !== 0) return { uuid, energyMj: null, readEpochMs, error: api.errorText(code) };
  return { uuid, energyMj: Number(out[0]), readEpochMs, error: null };
}

/**
 * One snapshot of every GPU's energy counter. Never throws: a missing library, symbol or driver
 * is `{ ok: false, reason }`; a GPU whose counter is not supported (before Volta) is a reading
 * with `energyMj: null` and NVML's error text.
 */
export function readCounters(koffiFile: string, library: string, now: () => number = Date.now): CounterSnapshot {
  let koffi: KoffiNative;
  try {
    koffi = loadKoffi(koffiFile);
  } catch (e) {
    return { ok: false, reason: `the FFI module could not be loaded (${errorMessage(e)})` };
  }
  const api = bind(koffi, library);
  if (typeof api === "string") return { ok: false, reason: api };
  const started = api.init();
  if (started !== 0) return { ok: false, reason: `NVML could not start: ${api.errorText(started)}` };
  try {
    const count = [0];
    const counted = api.count(count);
    if (counted !== 0) return { ok: false, reason: `NVML could not count the GPUs: ${api.errorText(counted)}` };
    const gpus: CounterReading[] = [];
    for (let index = 0; index < (count[0] ?? 0); index += 1) {
      const reading = readGpu(api, index, now);
      if (typeof reading === "string") return { ok: false, reason: reading };
      gpus.push(reading);
    }
    return { ok: true, gpus };
  } finally {
    api.shutdown();
  }
}

/** koffi's native module as `bundle.mjs` places it: `dist/native/`, beside the bundles. */
export function koffiNativeFrom(moduleUrl: string): string {
  return fileURLToPath(new URL("../native/koffi-linux-x64.node", moduleUrl));
}

/** The library to open: `GPU_CARBON_NVML_LIBRARY` when set (a file path), else the driver's. */
export function nvmlLibrary(env: NodeJS.ProcessEnv): string {
  return env[ENV.nvmlLibrary] || DEFAULT_NVML_LIBRARY;
}

/** Body of the counter process: prints one snapshot. */
export function printCounterSnapshot(moduleUrl: string, env: NodeJS.ProcessEnv, write: (text: string) => void): void {
  const unsupported = unsupportedPlatformReason(process.platform, process.arch, glibcVersion());
  const snapshot: CounterSnapshot = unsupported
    ? { ok: false, reason: unsupported }
    : readCounters(koffiNativeFrom(moduleUrl), nvmlLibrary(env));
  write(JSON.stringify(snapshot) + "\n");
}
