import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const { asciiJs } = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../scripts/ascii-js.mjs")).href)) as {
  asciiJs: (text: string, fileName: string) => string;
};

/** What a module's default export is, run from its text. */
async function run(text: string): Promise<unknown> {
  const url = `data:text/javascript;base64,${Buffer.from(text).toString("base64")}`;
  return ((await import(url)) as { default: unknown }).default;
}

describe("the bundle in ASCII", () => {
  it("means what the bundle means, wherever its other characters are", async () => {
    const text = [
      "// A comment: Zürich, 𐒠, ✖",
      "const bars = '▁▂▃█';",
      "const ré = `Côte d'Ivoire ${bars.length} → Québec`;",
      "const 𝑥 = 2;",
      "const spaced =\u00a0{ a: 1 };",
      "const match = /[é𐒠]+/u.exec('xé𐒠y')[0];",
      "const nbsp = '\u00a0'.length;",
      "/* and another: — */",
      "export default { bars, ré, x: 𝑥, spaced, match, nbsp, line: eval('1\u2028+ 1') };",
    ].join("\n");
    const ascii = asciiJs(text, "sample.js");
    expect(ascii).not.toMatch(/[\u0080-\uffff]/);
    expect(await run(ascii)).toEqual(await run(text));
    expect(await run(ascii)).toEqual({
      bars: "▁▂▃█",
      ré: "Côte d'Ivoire 4 → Québec",
      x: 2,
      spaced: { a: 1 },
      match: "é𐒠",
      nbsp: 1,
      line: 2,
    });
  });

  it("leaves ASCII alone and refuses the template of a tagged template, whose raw text would change", () => {
    const text = readFileSync(path.resolve(import.meta.dirname, "../../scripts/ascii-js.mjs"), "utf8");
    expect(asciiJs(text.replace(/[\u0080-\uffff]/g, "?"), "plain.js")).toBe(text.replace(/[\u0080-\uffff]/g, "?"));
    expect(() => asciiJs("export default String.raw`é`;", "tagged.js")).toThrow(/tagged template/);
  });
});
