/** Command line of the sampler process: `<marker> <config.json>`. */
import { readFileSync } from "node:fs";
import type { SamplerConfig } from "./config.js";
import { runSampler } from "./supervisor.js";
import { samplerTiming } from "./timing.js";

export async function runSamplerFromArgs(args: string[]): Promise<number> {
  const configPath = args[args.length - 1];
  if (!configPath) {
    process.stderr.write("usage: sampler --gpu-carbon-sampler <config.json>\n");
    return 2;
  }
  const config = JSON.parse(readFileSync(configPath, "utf8")) as SamplerConfig;
  const reason = await runSampler(config, samplerTiming(process.env));
  try {
    process.stderr.write(`gpu-carbon sampler stopped (${reason})\n`);
  } catch {
    /* the disk may be full */
  }
  return 0;
}
