// Runs inside the page (see browser.ts): shows GitHub-flavoured HTML as GitHub would and reads
// back what is drawn. Plain browser JavaScript, loaded with Mermaid; nothing here reaches Node.
/* global document, getComputedStyle */

/** GitHub's alerts: a quote starting `[!WARNING]` shows a "Warning" title instead of the marker. */
function alerts(article) {
  for (const quote of article.querySelectorAll("blockquote")) {
    const first = quote.querySelector("p");
    const kind = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(first?.innerHTML ?? "");
    if (!first || !kind) continue;
    first.innerHTML = first.innerHTML.slice(kind[0].length);
    const title = document.createElement("p");
    title.className = "alert-title";
    title.textContent = kind[1].charAt(0) + kind[1].slice(1).toLowerCase();
    quote.prepend(title);
    if (first.innerHTML.trim() === "") first.remove();
  }
}

/** Shows `html` with `css`, each Mermaid block drawn in its place; returns the charts that failed. */
async function show(html, css, mermaidTheme) {
  document.getElementById("theme").textContent = css;
  const article = document.querySelector("article");
  article.innerHTML = html;
  alerts(article);
  const mermaid = globalThis.mermaid;
  mermaid.initialize({ startOnLoad: false, theme: mermaidTheme, securityLevel: "strict" });
  const failed = [];
  const blocks = [...article.querySelectorAll("pre > code.language-mermaid")];
  for (const [i, code] of blocks.entries()) {
    try {
      const { svg } = await mermaid.render(`chart-${i}`, code.textContent ?? "");
      const div = document.createElement("div");
      div.className = "chart";
      div.innerHTML = svg;
      code.parentElement.replaceWith(div);
    } catch (error) {
      failed.push(String(error));
    }
  }
  return failed;
}

function box(el) {
  const r = el.getBoundingClientRect();
  return { text: el.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom };
}

/** Every xychart on the page as drawn: its labels' boxes, axis, line and colours. */
function charts() {
  return [...document.querySelectorAll('div.chart svg[aria-roledescription="xychart"]')].map((svg) => {
    const path = svg.querySelector("g.plot path");
    const lineBox = path.getBoundingClientRect();
    const axis = svg.querySelector("g.left-axis .axisl-line path").getBoundingClientRect();
    return {
      title: svg.querySelector("g.chart-title text")?.textContent ?? "",
      xLabels: [...svg.querySelectorAll("g.bottom-axis g.label text")].map(box).sort((a, b) => a.left - b.left),
      yLabels: [...svg.querySelectorAll("g.left-axis g.label text")].map(box).sort((a, b) => b.top - a.top),
      yAxis: { top: axis.top, bottom: axis.bottom },
      lineColor: getComputedStyle(path).stroke,
      line: { top: lineBox.top, bottom: lineBox.bottom },
      background: getComputedStyle(svg.querySelector("rect.background")).fill,
    };
  });
}

/** The text a reader sees in each element `selector` matches, as laid out. */
function text(selector) {
  return [...document.querySelectorAll(selector)].map((el) => el.innerText);
}

function background() {
  return getComputedStyle(document.body).backgroundColor;
}

globalThis.githubPage = { show, charts, text, background };
