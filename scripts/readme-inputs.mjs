// Regenerates the README's inputs and outputs tables from action.yml (between the marker
// comments). With --check, fails instead when the README is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const action = parse(readFileSync("action.yml", "utf8"));
const cell = (text) =>
  String(text ?? "")
    .replace(/\s+/g, " ")
    .replace(/\|/g, "\\|")
    .trim();
const inputs = [
  "| Input | Default | Description |",
  "| --- | --- | --- |",
  ...Object.entries(action.inputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${spec.default === "" ? '""' : `\`${cell(spec.default)}\``} | ${cell(spec.description)} |`,
  ),
].join("\n");
const outputs = Object.keys(action.outputs ?? {}).length
  ? [
      "| Output | Description |",
      "| --- | --- |",
      ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`),
    ].join("\n")
  : "This action sets no step outputs in its default mode: the results are computed in `post`, where the runner drops outputs. Read `report.json` instead.";

function replace(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md lacks the ${start} ... ${end} markers`);
  return text.slice(0, from + start.length) + "\n" + body + "\n" + text.slice(to);
}

const readme = readFileSync("README.md", "utf8");
const fresh = replace(replace(readme, "inputs", inputs), "outputs", outputs);
if (process.argv.includes("--check")) {
  if (fresh !== readme) {
    console.error("README.md's inputs/outputs tables are stale: run 'node scripts/readme-inputs.mjs'.");
    process.exit(1);
  }
  console.log("README tables match action.yml.");
} else writeFileSync("README.md", fresh);
