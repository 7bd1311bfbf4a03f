// Tags a release and moves its major tag, the way users consume the action (`uses: ...@v1`):
//
//   node scripts/release.mjs v1.4.0 [--push] [--remote origin] [--skip-dist-check]
//
// Refuses unless the working tree is clean, package.json's version is 1.4.0, CHANGELOG.md has a
// "## 1.4.0" section, the tag is new and newer than every release tag, and dist/ is what the
// sources build (unless --skip-dist-check). Then it creates the annotated tag v1.4.0 and points
// the major tag v1 at the same commit (creating it for a new major). With --push it pushes both,
// the major tag with --force because it moves.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { push: { type: "boolean" }, remote: { type: "string", default: "origin" }, "skip-dist-check": { type: "boolean" } },
  allowPositionals: true,
});

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}
const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();

const tag = positionals[0] ?? "";
const match = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
if (positionals.length !== 1 || !match) fail(`give the version as vMAJOR.MINOR.PATCH, e.g. v1.4.0 (got '${positionals.join(" ")}')`);
const version = tag.slice(1);
const major = `v${match[1]}`;
const parts = (v) => v.slice(1).split(".").map(Number);
const newer = (a, b) => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
};

if (git("status", "--porcelain") !== "") fail("the working tree has uncommitted changes; commit or stash them first");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
if (pkg.version !== version) fail(`package.json says version ${pkg.version}; set it to ${version} and commit first`);
const changelog = existsSync("CHANGELOG.md") ? readFileSync("CHANGELOG.md", "utf8") : "";
if (!new RegExp(`^## \\[?${version.replace(/\./g, "\\.")}\\]?`, "m").test(changelog)) fail(`CHANGELOG.md has no '## ${version}' section`);
const tags = git("tag", "--list", "v*.*.*")
  .split("\n")
  .filter((t) => /^v\d+\.\d+\.\d+$/.test(t));
if (tags.includes(tag)) fail(`${tag} already exists`);
const latest = tags.reduce((best, t) => (best === null || newer(t, best) ? t : best), null);
if (latest && !newer(tag, latest)) fail(`${tag} is not newer than the latest release ${latest}`);
if (!values["skip-dist-check"]) {
  try {
    execFileSync(process.execPath, ["scripts/check-dist.mjs", "--full"], { stdio: "inherit" });
  } catch {
    fail("dist/ is not what the sources build; run 'npm run bundle' and commit dist/");
  }
}

const commit = git("rev-parse", "HEAD");
git("tag", "-a", tag, "-m", tag, commit);
const moved = git("tag", "--list", major) !== "";
git("tag", "-f", "-a", major, "-m", `${major} (currently ${tag})`, commit);
console.log(`Tagged ${tag} at ${commit.slice(0, 12)}; ${major} ${moved ? "moved" : "created"} to it.`);
if (values.push) {
  git("push", values.remote, `refs/tags/${tag}`);
  git("push", "--force", values.remote, `refs/tags/${major}`);
  console.log(`Pushed ${tag} and ${major} to ${values.remote}.`);
} else {
  console.log(`Push with: git push ${values.remote} ${tag} && git push --force ${values.remote} ${major}`);
}
