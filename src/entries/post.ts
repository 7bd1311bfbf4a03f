import { runPost } from "../action/hooks.js";
import { runnerIo } from "../action/runner-io.js";

await runPost(runnerIo, import.meta.url);
// Done: a request abandoned at the network deadline (a retry's sleep, a stalled download) must not hold the step.
process.exit();
