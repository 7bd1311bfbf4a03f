// No shell strings: the lint rules that forbid them are active on the source tree and catch each
// way of starting a process through a shell. (npm test runs the same lint over every file.)
import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inertLog } from "../../src/action/runner-io.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function problems(code: string, file = "src/adapters/example.ts"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith("no-restricted")).map((m) => m.message);
}

describe("processes start with argument arrays, never through a shell", () => {
  it.each([
    ['import { exec } from "node:child_process";\nexec(`nvidia-smi ${args}`);', "never a shell command line"],
    ['import { execSync } from "child_process";\nexecSync("nvidia-smi -L");', "never a shell command line"],
    ['import * as cp from "node:child_process";\ncp.exec("nvidia-smi -L");', "never a shell command line"],
    ['import { spawn } from "node:child_process";\nspawn("nvidia-smi", ["-L"], { shell: true });', "No `shell` option"],
    ['import { spawn } from "node:child_process";\nspawn("sh", ["-c", "nvidia-smi -L"]);', "No `sh -c <string>`"],
    ['import { exec } from "@actions/exec";\nawait exec("nvidia-smi -L");', "parses a command line string"],
  ])("rejects %s", async (code, message) => {
    const found = await problems(code);
    expect(found.join("\n")).toContain(message);
  });

  it("accepts spawn with an argument array", async () => {
    expect(
      await problems('import { spawn } from "node:child_process";\nspawn("nvidia-smi", ["--query-gpu=index", "--format=csv"]);'),
    ).toEqual([]);
  });

  it("holds for every file of the action, its scripts and the test support code", async () => {
    const results = await eslint.lintFiles(["src", "scripts", "test/support"]);
    const found = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId?.startsWith("no-restricted")).map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(found).toEqual([]);
  });
});

describe("log lines cannot smuggle workflow commands", () => {
  it("neutralises :: at the start of any line, after a newline or a lone carriage return", () => {
    expect(inertLog("GPU 0: evil\r::add-mask::x")).toBe("GPU 0: evil\n:\u200b:add-mask::x");
    expect(inertLog("a\n  ::set-output name=x::1\nb")).toBe("a\n  :\u200b:set-output name=x::1\nb");
    expect(inertLog("energy 1 Wh (measured)")).toBe("energy 1 Wh (measured)");
  });
});
