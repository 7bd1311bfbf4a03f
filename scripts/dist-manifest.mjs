// What dist/ was built from and what it holds, so that `npm test` can tell a stale dist/ without
// bundling again: `npm run bundle` writes dist/manifest.json with a SHA-256 of every input (the
// sources, the lock file, the compiler settings, the bundle script) and of every file it wrote.
// The bundle is deterministic, so the same inputs give the same files; `check-dist --full`
// still rebuilds and compares byte for byte (the release script uses it).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const MANIFEST = "manifest.json";

/** Inputs of the bundle besides everything under src/. */
const INPUT_FILES = ["package-lock.json", "tsconfig.json", "scripts/bundle.mjs", "scripts/ascii-js.mjs"];

/** Every file under `dir`, relative to `base`, sorted, with forward slashes. */
export function files(dir, base = dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full).split(path.sep).join("/")];
    })
    .sort();
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** One hash over the names and contents of the bundle's inputs. */
export function inputsHash(root = ".") {
  const hash = createHash("sha256");
  for (const file of [...files(path.join(root, "src")).map((f) => `src/${f}`), ...INPUT_FILES]) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The manifest of a built dist folder `out`. */
export function manifestOf(out, root = ".") {
  const built = Object.fromEntries(
    files(out)
      .filter((f) => f !== MANIFEST)
      .map((f) => [f, sha256(readFileSync(path.join(out, f)))]),
  );
  return { inputs: inputsHash(root), files: built };
}

/** SHA-256 of a file's bytes. */
export function fileHash(file) {
  return sha256(readFileSync(file));
}
