/**
 * The counter process: `dist/nvml/index.js` reads every GPU's energy counter once, prints the
 * snapshot as one JSON line and exits. The hooks run it with a time limit, so NVML is never
 * loaded into a hook and a hanging or crashing driver call cannot take the report with it.
 */
import { z } from "zod";
import type { CounterSnapshot } from "../core/energy/counter.js";
import { glibcVersion, unsupportedPlatformReason } from "./nvml.js";
import { deadlines } from "./deadlines.js";
import { runCommand } from "./process-runner.js";

const snapshotSchema = z.union([
  z.object({
    ok: z.literal(true),
    gpus: z.array(
      z.object({
        uuid: z.string(),
        energyMj: z.number().nonnegative().nullable(),
        readEpochMs: z.number(),
        error: z.string().nullable(),
      }),
    ),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

/**
 * Runs the counter process `script` and returns its snapshot. Never throws: a crash, a time-out
 * or unreadable output is `{ ok: false, reason }`.
 */
export async function readCounterSnapshot(
  script: string,
  env: NodeJS.ProcessEnv,
  /** NVML's first call can take a few seconds on a host without persistence mode. */
  timeoutMs = deadlines(env).commandMs,
): Promise<CounterSnapshot> {
  const unsupported = unsupportedPlatformReason(process.platform, process.arch, glibcVersion());
  if (unsupported) return { ok: false, reason: unsupported };
  const result = await runCommand(process.execPath, [script], { env, timeoutMs });
  const line = result.stdout.trim().split("\n").pop() ?? "";
  try {
    return snapshotSchema.parse(JSON.parse(line));
  } catch {
    const how = result.error ?? (result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`);
    const said = result.stderr.trim().split("\n").slice(-1)[0];
    return { ok: false, reason: `the counter reader failed (${how}${said ? `: ${said}` : ""})` };
  }
}
