/**
 * The job summary shown at the top of README.md, rendered by the action's own renderer from a
 * fixed log (test/fixtures/samples/training-2xh100.csv), so the README shows real output and
 * cannot drift from it. `npm run docs` rewrites the README block; `npm test` checks it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { givenIntensity } from "../../src/core/carbon.js";
import { renderSummary } from "../../src/core/render-summary.js";
import { buildReport, type Report } from "../../src/core/report.js";
import { SampleLogReader } from "../../src/core/sample-log.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const EXAMPLE_LOG = path.join(ROOT, "test/fixtures/samples/training-2xh100.csv");

/** Two H100s through a 5-minute training job, at 250 gCO2e/kWh and PUE 1.2. */
export function exampleReport(): Report {
  const reader = new SampleLogReader();
  for (const line of readFileSync(EXAMPLE_LOG, "utf8").split("\n")) if (line) reader.push(line);
  return buildReport(reader.finish(), { pue: 1.2, carbonIntensity: givenIntensity(250, "input 'carbon-intensity'") }, [
    { index: "0", uuid: "GPU-3f2a9c1e-7d4b-4e1a-9a3c-1b2c3d4e5f60", name: "NVIDIA H100 80GB HBM3" },
    { index: "1", uuid: "GPU-8b1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5", name: "NVIDIA H100 80GB HBM3" },
  ]);
}

/** Markdown headings two levels down, so the example sits under the README's own headings. */
function demote(markdown: string): string {
  return markdown.replace(/^(#{1,4}) /gm, "$1## ");
}

/** The README block: the summary exactly as rendered, headings demoted. */
export function readmeExampleBlock(): string {
  return demote(renderSummary(exampleReport())).trimEnd();
}

const START = "<!-- example-summary:start -->";
const END = "<!-- example-summary:end -->";

/** README text with the example block replaced by a fresh rendering. */
export function withFreshExample(readme: string): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  return `${readme.slice(0, from + START.length)}\n\n${readmeExampleBlock()}\n\n${readme.slice(to)}`;
}
