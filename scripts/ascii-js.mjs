// Rewrites a bundle's JavaScript in ASCII alone, meaning the same: Node reads a source file of
// ASCII as one byte a character, and one with any other character as two (each file of the bundle
// is decoded and hashed on every start; the CLI starts about 10 ms sooner for it).
//
// Where a character is decides how it is written:
// - in a string, template or regular expression literal, and in a name or a comment: as an
//   escape, `\uXXXX` (in a name `\u{XXXXX}` beyond U+FFFF), which means the same character there;
// - between tokens, where only white space can be: as a space (a line separator as a newline).
// A character in the template of a tagged template, whose raw text the tag can read, stops the
// build.
// The result is parsed again and must hold the same literals and names, in the same order.
import ts from "typescript";

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
]);
const LINE_SEPARATORS = new Set([0x2028, 0x2029]);

const parse = (text, fileName) => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

/** The template literal a template part belongs to. */
function templateOf(node) {
  if (node.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) return node;
  if (node.kind === ts.SyntaxKind.TemplateHead) return node.parent;
  if (node.kind === ts.SyntaxKind.TemplateMiddle || node.kind === ts.SyntaxKind.TemplateTail) return node.parent.parent;
  return null;
}

/** Every literal token and name of a parsed file, in order: [kind, start, end, text, tagged]. */
function tokens(source) {
  const found = [];
  const visit = (node) => {
    if (LITERALS.has(node.kind) || node.kind === ts.SyntaxKind.Identifier || node.kind === ts.SyntaxKind.PrivateIdentifier) {
      const template = templateOf(node);
      const tagged = template !== null && template.parent.kind === ts.SyntaxKind.TaggedTemplateExpression;
      // A regular expression's text is its source; it is compared after its escapes are read.
      const text = node.kind === ts.SyntaxKind.RegularExpressionLiteral ? unescapeRegExp(node.text) : node.text;
      found.push([node.kind, node.getStart(source), node.end, text, tagged]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A regular expression's text with its `\uXXXX` escapes of non-ASCII characters read (as this file writes them). */
function unescapeRegExp(text) {
  return text.replace(/\\u([0-9a-f]{4})/g, (escape, hex) =>
    Number.parseInt(hex, 16) > 0x7f ? String.fromCharCode(Number.parseInt(hex, 16)) : escape,
  );
}

const escape = (unit) => `\\u${unit.toString(16).padStart(4, "0")}`;

/** `text` (a file of the bundle, named `fileName` in errors) in ASCII; unchanged when it already is. */
export function asciiJs(text, fileName) {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  const source = parse(text, fileName);
  if (source.parseDiagnostics?.length > 0) throw new Error(`${fileName}: not parsed as JavaScript`);
  const found = tokens(source);
  let out = "";
  let next = 0; // the first token that may hold the character at i
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit <= 0x7f) {
      out += text[i];
      continue;
    }
    while (next < found.length && found[next][2] <= i) next += 1;
    const token = next < found.length && found[next][1] <= i ? found[next] : null;
    const where = `${fileName}: U+${unit.toString(16).toUpperCase()} at ${i}`;
    const point = text.codePointAt(i);
    if (token !== null && LITERALS.has(token[0])) {
      if (token[4]) throw new Error(`${where} is in a tagged template`);
      out += escape(unit);
    } else if (token !== null) {
      // A name: one escape for the whole code point (a name has no escapes of surrogates).
      out += point > 0xffff ? `\\u{${point.toString(16)}}` : escape(unit);
      if (point > 0xffff) i += 1;
    } else if (/\s/u.test(text[i])) {
      out += LINE_SEPARATORS.has(unit) ? "\n" : " ";
    } else {
      // Neither a token nor white space: a comment, where any escape will do.
      out += escape(unit);
    }
  }
  // The same literals and names, in the same order.
  const before = tokens(source).map(([kind, , , value]) => `${kind}:${value}`);
  const after = tokens(parse(out, fileName)).map(([kind, , , value]) => `${kind}:${value}`);
  if (before.length !== after.length || before.some((token, k) => token !== after[k])) {
    throw new Error(`${fileName}: written in ASCII, it no longer means the same`);
  }
  return out;
}
