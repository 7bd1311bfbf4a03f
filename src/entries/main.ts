import { runMain } from "../action/hooks.js";
import { runnerIo } from "../action/runner-io.js";

await runMain(runnerIo, import.meta.url);
