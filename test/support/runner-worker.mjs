// A stand-in for the runner's worker process: it starts one hook as its child (as the runner
// does), records the hook's exit code and output in a JSON file, and then stays alive, as the
// worker does for the rest of the job. Killing it simulates a runner that dies without post.
//
// Usage: node runner-worker.mjs <node> <hook script> <result.json>
import { spawn } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";

const [node, script, resultPath] = process.argv.slice(2);
const child = spawn(node, [script], { stdio: ["ignore", "pipe", "pipe"] });
let stdout = "";
let stderr = "";
child.stdout.on("data", (d) => (stdout += d));
child.stderr.on("data", (d) => (stderr += d));
child.on("close", (code) => {
  writeFileSync(`${resultPath}.tmp`, JSON.stringify({ code, stdout, stderr }));
  renameSync(`${resultPath}.tmp`, resultPath);
});
setInterval(() => {}, 1 << 30);
