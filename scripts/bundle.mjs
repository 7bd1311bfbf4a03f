// Builds one ncc bundle per entry point into dist/<entry>/ (or into the folder given as argv[2]).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

export const ENTRIES = ["pre", "main", "post", "sampler", "cli"];

const out = path.resolve(process.argv[2] ?? "dist");
rmSync(out, { recursive: true, force: true });
const ncc = path.resolve("node_modules/@vercel/ncc/dist/ncc/cli.js");
for (const entry of ENTRIES) {
  execFileSync(process.execPath, [ncc, "build", `src/entries/${entry}.ts`, "-o", path.join(out, entry), "--quiet", "--target", "es2022"], {
    stdio: "inherit",
  });
}
