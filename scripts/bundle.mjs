// Builds one ncc bundle per entry point into dist/<entry>/ (or into the folder given as argv[2]),
// and places koffi's native module for Linux x64 (glibc) in dist/native/, where the counter
// process loads it: the runner runs dist/ without node_modules, and ncc does not follow koffi's
// run-time lookup of its per-platform package.
// Each file is then written in ASCII alone (scripts/ascii-js.mjs), which Node reads faster.
// Last, it writes dist/manifest.json (scripts/dist-manifest.mjs), which lets `npm run check-dist`
// see a stale dist/ without bundling again.
import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { asciiJs } from "./ascii-js.mjs";
import { MANIFEST, manifestOf } from "./dist-manifest.mjs";

const run = promisify(execFile);

export const ENTRIES = ["pre", "main", "post", "sampler", "nvml", "cli"];

/** The one native file shipped, and where it comes from (koffi's optional per-platform package). */
export const NATIVE = { from: "node_modules/@koromix/koffi-linux-x64/linux_x64/koffi.node", to: "native/koffi-linux-x64.node" };

const out = path.resolve(process.argv[2] ?? "dist");
rmSync(out, { recursive: true, force: true });
const ncc = path.resolve("node_modules/@vercel/ncc/dist/ncc/cli.js");
// The entries build in parallel, a few at a time: each is its own ncc process, and the output of
// one does not depend on another's.
const PARALLEL = Math.max(1, Math.min(3, os.availableParallelism()));
const queue = [...ENTRIES];
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
      const args = [ncc, "build", `src/entries/${entry}.ts`, "-o", path.join(out, entry), "--quiet", "--target", "es2022"];
      await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }).catch((e) => {
        console.error(`bundling ${entry} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
        process.exit(1);
      });
    }
  }),
);
for (const entry of ENTRIES) {
  for (const name of readdirSync(path.join(out, entry)).filter((f) => f.endsWith(".js"))) {
    const file = path.join(out, entry, name);
    const text = readFileSync(file, "utf8");
    const ascii = asciiJs(text, `${entry}/${name}`);
    if (ascii !== text) writeFileSync(file, ascii);
  }
}
if (!existsSync(NATIVE.from)) {
  console.error(`${NATIVE.from} is missing: dist/ is built on Linux x64, where npm installs koffi's x64 module.`);
  process.exit(1);
}
mkdirSync(path.join(out, path.dirname(NATIVE.to)), { recursive: true });
copyFileSync(NATIVE.from, path.join(out, NATIVE.to));
// The CLI is package.json's `bin`: executable, and run by the `#!/usr/bin/env node` line ncc keeps.
chmodSync(path.join(out, "cli", "index.js"), 0o755);
writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifestOf(out), null, 2)}\n`);
