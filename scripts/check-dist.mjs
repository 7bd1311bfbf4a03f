// Fails when dist/ is not what the sources bundle to (the runner executes dist/ as committed).
//
//   node scripts/check-dist.mjs          compare with dist/manifest.json: the sources it was built
//                                        from, and the files it holds (about a second)
//   node scripts/check-dist.mjs --full   bundle again into a temporary folder and compare every
//                                        byte (minutes; the release script uses this)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MANIFEST, fileHash, files, inputsHash } from "./dist-manifest.mjs";

const { values } = parseArgs({ options: { full: { type: "boolean" } } });
const FIX = "Run 'npm run bundle' and commit dist/.";

function fail(problems) {
  console.error(`dist/ does not match a fresh bundle. ${FIX}\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

/** Differences between the files of two folders, `want` being the fresh build. */
function compareTrees(want, have) {
  const wanted = existsSync(want) ? files(want) : [];
  const had = existsSync(have) ? files(have) : [];
  const problems = [];
  for (const f of wanted) {
    if (!had.includes(f)) problems.push(`missing: dist/${f}`);
    else if (!readFileSync(path.join(want, f)).equals(readFileSync(path.join(have, f)))) problems.push(`stale: dist/${f}`);
  }
  for (const f of had) if (!wanted.includes(f)) problems.push(`extra: dist/${f}`);
  return problems;
}

if (values.full) {
  const fresh = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-dist-"));
  try {
    execFileSync(process.execPath, ["scripts/bundle.mjs", fresh], { stdio: "inherit" });
    const problems = compareTrees(fresh, "dist");
    if (problems.length > 0) fail(problems);
    console.log(`dist/ is what the sources bundle to, byte for byte (${files(fresh).length} files).`);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
} else {
  const manifestPath = path.join("dist", MANIFEST);
  if (!existsSync(manifestPath)) fail([`missing: dist/${MANIFEST}`]);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  if (manifest.inputs !== inputsHash())
    fail(["the sources, package-lock.json, tsconfig.json or scripts/bundle.mjs changed since dist/ was built"]);
  const had = files("dist").filter((f) => f !== MANIFEST);
  const problems = [];
  for (const [f, hash] of Object.entries(manifest.files)) {
    if (!had.includes(f)) problems.push(`missing: dist/${f}`);
    else if (fileHash(path.join("dist", f)) !== hash) problems.push(`changed since it was built: dist/${f}`);
  }
  for (const f of had) if (!(f in manifest.files)) problems.push(`extra: dist/${f}`);
  if (problems.length > 0) fail(problems);
  console.log(`dist/ was built from these sources and is unchanged since (${had.length} files; --full bundles again to compare).`);
}
