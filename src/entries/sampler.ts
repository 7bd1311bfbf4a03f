import { runSamplerFromArgs } from "../sampler/main.js";

process.exitCode = await runSamplerFromArgs(process.argv.slice(2));
