import { runPost } from "../action/hooks.js";
import { runnerIo } from "../action/runner-io.js";

await runPost(runnerIo, import.meta.url);
