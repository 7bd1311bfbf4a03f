import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { INPUT } from "../../src/config/names.js";
import { parseActionManifest, workflowErrors } from "../support/workflow-check.js";

const root = path.resolve(import.meta.dirname, "../..");
const actionText = readFileSync(path.join(root, "action.yml"), "utf8");
const rawAction = parse(actionText) as {
  inputs: Record<string, Record<string, unknown>>;
  outputs?: Record<string, Record<string, unknown>>;
};
const inputNames = Object.keys(rawAction.inputs);
const examples = readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".yml"));

describe("action.yml", () => {
  const { errors, action } = parseActionManifest(actionText);

  it("passes the Actions parser's action schema", () => {
    expect(errors).toEqual([]);
    expect(action).not.toBeNull();
  });

  it("runs pre, main and post on node24 from committed bundles, post always", () => {
    expect(action!.runs).toMatchObject({
      using: "node24",
      pre: "dist/pre/index.js",
      main: "dist/main/index.js",
      post: "dist/post/index.js",
    });
    expect((action!.runs as { postIf?: string }).postIf).toBe("always()");
    for (const file of ["dist/pre/index.js", "dist/main/index.js", "dist/post/index.js"])
      expect(existsSync(path.join(root, file))).toBe(true);
  });

  it("has Marketplace branding", () => {
    expect(action!.branding).toEqual({ icon: "zap", color: "green" });
  });

  it("documents and defaults every input, and declares exactly the inputs the code reads", () => {
    for (const [name, spec] of Object.entries(rawAction.inputs)) {
      expect(name, "kebab-case").toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(typeof spec.description === "string" && spec.description.length > 20, `${name} description`).toBe(true);
      expect(typeof spec.default, `${name} default`).toBe("string");
      expect(spec.required ?? false, `${name} required`).toBe(false);
    }
    expect([...inputNames].sort()).toEqual([...Object.values(INPUT)].sort());
  });

  it("describes every output", () => {
    for (const [name, spec] of Object.entries(rawAction.outputs ?? {})) expect(String(spec.description ?? ""), name).not.toBe("");
  });

  it("is rejected by the same check when broken", () => {
    const broken = actionText.replace("using: node24", "using: node99").replace("icon: zap", "icon: not-an-icon");
    const result = parseActionManifest(broken);
    expect(result.errors).toEqual(expect.arrayContaining([expect.stringContaining("'node99'"), expect.stringContaining("'not-an-icon'")]));
  });
});

describe("the example workflows", () => {
  it("are all checked", () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        "single-gpu-training.yml",
        "matrix-gpu-types.yml",
        "fork-safe-pr-measure.yml",
        "fork-safe-pr-comment.yml",
        "nightly-trend.yml",
      ]),
    );
  });

  it.each(examples)("%s is a valid workflow that uses only declared inputs", async (file) => {
    const content = readFileSync(path.join(root, "examples", file), "utf8");
    expect(await workflowErrors(file, content, inputNames)).toEqual([]);
  });

  it("never use pull_request_target", () => {
    for (const file of examples)
      expect(readFileSync(path.join(root, "examples", file), "utf8")).not.toMatch(/^\s*pull_request_target\s*:/m);
  });

  it.each(["README.md", "docs/pull-requests.md"])("include the workflows in %s", async (file) => {
    const readme = readFileSync(path.join(root, file), "utf8");
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "").filter((b) => /^jobs:/m.test(b));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const workflow = /^on:/m.test(block) ? block : `on: push\n${block}`;
      expect(await workflowErrors(file, workflow, inputNames)).toEqual([]);
    }
  });
});

describe("the check itself", () => {
  it("catches a deliberately broken workflow", async () => {
    const content = readFileSync(path.join(root, "test/fixtures/workflows/broken.yml"), "utf8");
    const errors = await workflowErrors("broken.yml", content, inputNames);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Unexpected value 'branchs'"),
        expect.stringContaining("Unexpected value 'pull-request'"),
        expect.stringContaining("Unexpected value 'step'"),
      ]),
    );
  });

  it("catches an input the action does not have", async () => {
    const content = readFileSync(path.join(root, "test/fixtures/workflows/unknown-input.yml"), "utf8");
    expect(await workflowErrors("unknown-input.yml", content, inputNames)).toEqual([
      "unknown-input.yml: job 'train' passes 'carbon_intensity', which action.yml does not declare",
    ]);
  });
});
