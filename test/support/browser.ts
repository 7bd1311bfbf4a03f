/**
 * Markdown shown as GitHub shows it, in headless Chromium: GitHub-flavoured Markdown to HTML
 * (`marked`), each ```mermaid block drawn by the `mermaid` package, offline (the page may load
 * nothing: every request is refused and recorded). Uses the Chromium installed on the machine
 * (Debian's `chromium`); nothing is downloaded.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Marked } from "marked";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/** Where Chromium is looked for: `CHROMIUM_PATH` when set, then the usual Linux packages. */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The installed Chromium, or an error saying how to install it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (exists(given)) return given;
    throw new Error(`CHROMIUM_PATH is ${given}, which does not exist: point it at a Chromium or Chrome executable, or unset it.`);
  }
  const found = CANDIDATES.find((file) => exists(file));
  if (found) return found;
  throw new Error(
    "The browser rendering tests need Chromium, and none was found " +
      `(looked for ${CANDIDATES.join(", ")}). Install it with 'sudo bash scripts/install-test-servers.sh' ` +
      "(Debian/Ubuntu: it runs 'apt-get install -y chromium'), or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

/** GitHub's page backgrounds, light and dark. */
export const GITHUB_BACKGROUNDS = { light: "#ffffff", dark: "#0d1117" } as const;
export type Theme = keyof typeof GITHUB_BACKGROUNDS;

/** A little of GitHub's Markdown styling, enough for the layout and a readable screenshot. */
function styles(theme: Theme): string {
  const text = theme === "light" ? "#1f2328" : "#e6edf3";
  const muted = theme === "light" ? "#d1d9e0" : "#3d444d";
  const codeBg = theme === "light" ? "#eff1f3" : "#2f353d";
  return `
    body { margin: 0; background: ${GITHUB_BACKGROUNDS[theme]}; color: ${text};
      font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
    article { width: 880px; padding: 24px 32px; box-sizing: border-box; }
    h2 { font-size: 1.5em; border-bottom: 1px solid ${muted}; padding-bottom: .3em; }
    h3 { font-size: 1.25em; }
    table { border-collapse: collapse; margin: 0 0 16px; }
    th, td { border: 1px solid ${muted}; padding: 6px 13px; }
    code { font: 85% ui-monospace, "DejaVu Sans Mono", monospace; background: ${codeBg}; padding: .2em .4em; border-radius: 6px; }
    blockquote { margin: 0 0 16px; padding: 0 1em; border-left: .25em solid ${muted}; }
    .alert-title { font-weight: 600; }
    .chart { margin: 0 0 16px; }
  `;
}

/** The HTML GitHub would show for `markdown` (GitHub-flavoured: tables, autolinks, raw HTML). */
export function markdownToHtml(markdown: string): string {
  return new Marked({ gfm: true }).parse(markdown, { async: false });
}

const require = createRequire(import.meta.url);
const MERMAID_JS = require.resolve("mermaid/dist/mermaid.min.js");
/** The page's side: showing the HTML, drawing the charts, reading back what is drawn. */
const PAGE_JS = fileURLToPath(new URL("./browser-page.js", import.meta.url));

/** One Chromium for a test file, and the requests its pages tried to make (there must be none). */
export interface RenderBrowser {
  browser: Browser;
  page: Page;
  /** URLs the page asked for; every one was refused. */
  requests: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<RenderBrowser> {
  const executablePath = findChromium();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox; the page only shows our own HTML.
    args: [...(process.getuid?.() === 0 ? ["--no-sandbox"] : []), "--disable-gpu", "--font-render-hinting=none"],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 880, height: 900, deviceScaleFactor: 1 });
    const requests: string[] = [];
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("about:") || url.startsWith("data:")) return void request.continue();
      requests.push(url);
      void request.abort();
    });
    // One page for every document: Mermaid (3.5 MB) is read once.
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"><style id="theme"></style></head><body><article></article></body></html>',
    );
    await page.addScriptTag({ path: MERMAID_JS });
    await page.addScriptTag({ path: PAGE_JS });
    return { browser, page, requests, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Shows `markdown` on the page as GitHub would: GitHub's alerts (`> [!WARNING]`) as alerts, each
 * Mermaid block drawn in a `div.chart` in its place, with Mermaid's theme for `theme` on GitHub's
 * background for it. Throws when a chart cannot be drawn.
 */
export async function showMarkdown(page: Page, markdown: string, theme: Theme = "light"): Promise<void> {
  const failures = await page.evaluate(
    (html, css, mermaidTheme) => (globalThis as any).githubPage.show(html, css, mermaidTheme) as Promise<string[]>,
    markdownToHtml(markdown),
    styles(theme),
    theme === "light" ? "default" : "dark",
  );
  if (failures.length > 0) throw new Error(`Mermaid could not draw a chart: ${failures.join("; ")}`);
}

/** A text's place on the page. */
export interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What a drawn `xychart-beta` shows. */
export interface DrawnChart {
  title: string;
  /** The x axis's labels, left to right. */
  xLabels: Box[];
  /** The y axis's labels, bottom to top. */
  yLabels: Box[];
  /** The top and bottom of the y axis line, on the page. */
  yAxis: { top: number; bottom: number };
  /** The drawn line's colour, as the browser computes it (`rgb(...)`). */
  lineColor: string;
  /** The highest and lowest point the line reaches, on the page (smaller is higher). */
  line: { top: number; bottom: number };
  /** The colour behind the chart: its background rectangle's fill. */
  background: string;
}

/** Every `xychart-beta` on the page, as drawn. */
export async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(() => (globalThis as any).githubPage.charts() as DrawnChart[]);
}

/** The page's background colour, as the browser computes it. */
export async function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as any).githubPage.background() as string);
}

/** The text a reader sees in the elements `selector` matches (innerText: as laid out). */
export async function shownText(page: Page, selector = "article"): Promise<string[]> {
  return page.evaluate((css) => (globalThis as any).githubPage.text(css) as string[], selector);
}

/** `rgb(r, g, b)` or `#rrggbb` as three 0-255 channels. */
export function parseColor(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(color.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  if (color.trim().toLowerCase() === "white") return [255, 255, 255];
  throw new Error(`not a colour this test reads: ${color}`);
}

/** WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = parseColor(color).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
