/** Command line of the sampler process: `<marker> <config.json>`. */
import { readFileSync } from "node:fs";
import { runSampler, type SamplerConfig } from "./supervisor.js";

export async function runSamplerFromArgs(args: string[]): Promise<number> {
  const configPath = args[args.length - 1];
  if (!configPath) {
    process.stderr.write("usage: sampler --gpu-carbon-sampler <config.json>\n");
    return 2;
  }
  const config = JSON.parse(readFileSync(configPath, "utf8")) as SamplerConfig;
  const reason = await runSampler(config);
  process.stderr.write(`gpu-carbon sampler stopped (${reason})\n`);
  return 0;
}
