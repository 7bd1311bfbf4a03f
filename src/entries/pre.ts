import { runPre } from "../action/hooks.js";
import { runnerIo } from "../action/runner-io.js";

await runPre(runnerIo, import.meta.url);
