// Fails when dist/ differs from a fresh bundle of the sources (the runner executes dist/ as committed).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

const fresh = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-dist-"));
try {
  execFileSync(process.execPath, ["scripts/bundle.mjs", fresh], { stdio: "inherit" });
  const want = files(fresh).sort();
  const have = (() => {
    try {
      return files("dist").sort();
    } catch {
      return [];
    }
  })();
  const problems = [];
  for (const f of want) {
    if (!have.includes(f)) problems.push(`missing: dist/${f}`);
    else if (!readFileSync(path.join(fresh, f)).equals(readFileSync(path.join("dist", f)))) problems.push(`stale: dist/${f}`);
  }
  for (const f of have) if (!want.includes(f)) problems.push(`extra: dist/${f}`);
  if (problems.length > 0) {
    console.error(`dist/ does not match a fresh bundle. Run 'npm run bundle' and commit dist/.\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`dist/ is up to date (${want.length} files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
