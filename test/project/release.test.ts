import { afterEach, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const SCRIPT = path.resolve(import.meta.dirname, "../../scripts/release.mjs");
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Release Test",
  GIT_AUTHOR_EMAIL: "release@example.invalid",
  GIT_COMMITTER_NAME: "Release Test",
  GIT_COMMITTER_EMAIL: "release@example.invalid",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
};
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway repository with a bare remote, at version `version`. */
function repo(version: string): { dir: string; remote: string; git: (...args: string[]) => string } {
  const base = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-release-"));
  dirs.push(base);
  const dir = path.join(base, "work");
  const remote = path.join(base, "remote.git");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env: GIT_ENV, encoding: "utf8" }).trim();
  execFileSync("git", ["init", "-q", "--bare", remote], { env: GIT_ENV });
  execFileSync("git", ["init", "-q", "-b", "main", dir], { env: GIT_ENV });
  git("remote", "add", "origin", remote);
  commitVersion(dir, git, version);
  return { dir, remote, git };
}

function commitVersion(dir: string, git: (...args: string[]) => string, version: string): void {
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", version }) + "\n");
  writeFileSync(path.join(dir, "CHANGELOG.md"), `# Changelog\n\n## ${version}\n\n- Something.\n`);
  git("add", "-A");
  git("commit", "-qm", `Release ${version}`);
}

function release(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args, "--skip-dist-check"], { cwd: dir, env: GIT_ENV, encoding: "utf8" });
}

describe("scripts/release.mjs", () => {
  it("tags vX.Y.Z and creates, then moves, the major tag", () => {
    const { dir, git } = repo("1.2.0");
    const first = release(dir, "v1.2.0");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("v1 created");
    const firstCommit = git("rev-parse", "HEAD");
    expect(git("rev-parse", "v1.2.0^{commit}")).toBe(firstCommit);
    expect(git("rev-parse", "v1^{commit}")).toBe(firstCommit);

    commitVersion(dir, git, "1.3.0");
    const second = release(dir, "v1.3.0");
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("v1 moved");
    const secondCommit = git("rev-parse", "HEAD");
    expect(git("rev-parse", "v1^{commit}")).toBe(secondCommit);
    expect(git("rev-parse", "v1.2.0^{commit}")).toBe(firstCommit);
  });

  it("pushes the new tag and force-pushes the moved major tag", () => {
    const { dir, remote, git } = repo("1.0.0");
    expect(release(dir, "v1.0.0", "--push").status).toBe(0);
    commitVersion(dir, git, "1.0.1");
    expect(release(dir, "v1.0.1", "--push").status).toBe(0);
    const remoteTags = execFileSync("git", ["ls-remote", "--tags", remote], { env: GIT_ENV, encoding: "utf8" });
    const head = git("rev-parse", "HEAD");
    expect(remoteTags).toMatch(/refs\/tags\/v1\.0\.0\n/);
    expect(remoteTags).toContain(`${head}\trefs/tags/v1^{}`);
    expect(remoteTags).toContain(`${head}\trefs/tags/v1.0.1^{}`);
  });

  it("refuses a bad version, a mismatch with package.json, an old version and a dirty tree", () => {
    const { dir, git } = repo("2.0.0");
    expect(release(dir, "2.0.0").stderr).toContain("give the version as vMAJOR.MINOR.PATCH");
    expect(release(dir, "v2.0.1").stderr).toContain("package.json says version 2.0.0; set it to 2.0.1");
    expect(release(dir, "v2.0.0").status).toBe(0);
    expect(release(dir, "v2.0.0").stderr).toContain("v2.0.0 already exists");
    commitVersion(dir, git, "1.9.0");
    expect(release(dir, "v1.9.0").stderr).toContain("v1.9.0 is not newer than the latest release v2.0.0");
    writeFileSync(path.join(dir, "stray.txt"), "x");
    expect(release(dir, "v1.9.0").stderr).toContain("uncommitted changes");
    expect(git("tag", "--list").split("\n").sort()).toEqual(["v2", "v2.0.0"]);
  });
});
