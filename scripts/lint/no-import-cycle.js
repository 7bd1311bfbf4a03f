// ESLint rule: a module may not reach itself through its relative imports (static, type-only or
// dynamic). Reads the imported files from disk; the file being linted is taken as ESLint sees it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

/** The file a relative specifier names (`./x.js` is written for `./x.ts`), or null. */
function resolve(fromFile, specifier) {
  const target = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [target.replace(/\.js$/, ".ts"), target]) if (existsSync(candidate)) return candidate;
  return null;
}

function importsOf(file, text) {
  return [...text.matchAll(IMPORT)].map((m) => ({ specifier: m[1], index: m.index, target: resolve(file, m[1]) }));
}

/** @type {import("eslint").Rule.RuleModule} */
export const noImportCycle = {
  meta: { type: "problem", schema: [], messages: { cycle: "Import cycle: {{cycle}}." } },
  create(context) {
    const file = context.filename;
    return {
      "Program:exit"() {
        const text = context.sourceCode.text;
        const cache = new Map();
        const edges = (f) => {
          if (!cache.has(f))
            cache.set(
              f,
              importsOf(f, readFileSync(f, "utf8")).flatMap((i) => (i.target ? [i.target] : [])),
            );
          return cache.get(f);
        };
        const root = path.dirname(file);
        for (const first of importsOf(file, text)) {
          if (!first.target || first.target === file) continue;
          // Breadth-first from the imported file, looking for a way back.
          const cameFrom = new Map([[first.target, null]]);
          const queue = [first.target];
          let found = null;
          while (queue.length > 0 && !found) {
            const current = queue.shift();
            for (const next of edges(current)) {
              if (next === file) {
                found = current;
                break;
              }
              if (!cameFrom.has(next)) {
                cameFrom.set(next, current);
                queue.push(next);
              }
            }
          }
          if (!found) continue;
          const chain = [];
          for (let at = found; at; at = cameFrom.get(at)) chain.unshift(path.relative(root, at) || at);
          const cycle = [path.basename(file), ...chain, path.basename(file)].join(" -> ");
          context.report({ loc: context.sourceCode.getLocFromIndex(first.index), messageId: "cycle", data: { cycle } });
        }
      },
    };
  },
};
