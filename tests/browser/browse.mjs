// Browses the sites `modelgraph docs` writes in a real browser (Debian's
// chromium, headless, driven by puppeteer-core; no browser download):
//   - chinook: open the index, search for a table and open it, click a
//     table in the overview diagram when there is one, follow a
//     relationship link, switch to dark;
//   - sakila: visit every page;
//   - a generated schema of 1,000 tables: search it, visit a sample of pages;
//   - a database of hostile names: visit every page; nothing may execute;
//   - C models with inheritance, relationship options and an association
//     proxy: visit every page;
//   - the Markdown sites of chinook, sakila, the hostile names and the C
//     models with inheritance, rendered
//     as GitHub does (CommonMark with tables, raw HTML let through) and
//     loaded: every table renders, every link resolves, no markup appears.
// Any dialog, console error, page error, failed request or request that
// leaves file:// fails the run. Screenshots are kept in ARTEFACTS_DIR.
//
// usage: node browse.mjs MODELGRAPH CHINOOK_DB SAKILA_DB GENERATED_DB HOSTILE_SQL HOSTILE_H CLASSES_H ARTEFACTS_DIR
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import MarkdownIt from "markdown-it";
import puppeteer from "puppeteer-core";

const [modelgraph, chinookDb, sakilaDb, generatedDb, hostileSql, hostileH, classesH, artefacts] = process.argv.slice(2);
if (!artefacts) {
  console.error("usage: node browse.mjs MODELGRAPH CHINOOK_DB SAKILA_DB GENERATED_DB HOSTILE_SQL HOSTILE_H CLASSES_H ARTEFACTS_DIR");
  process.exit(2);
}
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";

const problems = [];
function problem(message) {
  problems.push(message);
  console.log(`FAIL: ${message}`);
}
function check(condition, message) {
  if (!condition) problem(message);
  return condition;
}

rmSync(artefacts, { recursive: true, force: true });
mkdirSync(artefacts, { recursive: true });
function docs(dir, ...args) {
  rmSync(join(artefacts, dir), { recursive: true, force: true });
  execFileSync(modelgraph, ["docs", ...args, "-o", join(artefacts, dir)], { stdio: "inherit" });
  return join(artefacts, dir);
}
const chinookSite = docs("chinook-site", chinookDb, "--title", "Chinook");
const sakilaSite = docs("sakila-site", sakilaDb, "--title", "Sakila");
const generatedSite = docs("generated-site", generatedDb, "--title", "Generated");
const hostileSite = docs("hostile-site", hostileSql, hostileH, "--title", "<script>alert('title')</script>");
const classesSite = docs("classes-site", classesH, "--title", "Classes");

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // Root in a container has no user namespace for chromium's sandbox.
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--allow-file-access-from-files=false"],
});

// A page that reports everything a reader would stumble on.
async function newPage(label) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on("dialog", async (dialog) => {
    problem(`${label}: a ${dialog.type()} opened: ${JSON.stringify(dialog.message())}`);
    await dialog.dismiss();
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warn" || msg.type() === "warning")
      problem(`${label}: console ${msg.type()}: ${msg.text()} at ${page.url()}`);
  });
  page.on("pageerror", (err) => problem(`${label}: page error: ${err.message}`));
  page.on("requestfailed", (req) => problem(`${label}: request failed: ${req.url()} (${req.failure()?.errorText})`));
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    if (!req.url().startsWith("file://")) {
      problem(`${label}: a network request: ${req.url()}`);
      req.abort();
    } else {
      req.continue();
    }
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problem(`${label}: ${res.status()} for ${res.url()}`);
  });
  return page;
}

const url = (site, path) => pathToFileURL(join(site, path)).href;
const shot = (page, name, fullPage = true) => page.screenshot({ path: join(artefacts, `${name}.png`), fullPage });
const h1 = (page) => page.$eval("h1", (e) => e.textContent.trim());

async function clickAndWait(page, handle) {
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), handle.click()]);
}

// Types into the search box and returns the results as [kind, name, href].
async function search(page, text) {
  await page.click("#search", { clickCount: 3 });
  await page.type("#search", text);
  await page.waitForSelector("#search-results:not([hidden])");
  return page.$$eval("#search-results li a", (links) =>
    links.map((a) => [a.querySelector(".kind").textContent, a.querySelector(".name").textContent, a.href]),
  );
}

// Relative luminance of the body's background: dark below 0.2.
async function backgroundLuminance(page) {
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = rgb.match(/\d+/g).map(Number).map((v) => v / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function browseChinook() {
  const page = await newPage("chinook");
  await page.goto(url(chinookSite, "index.html"), { waitUntil: "load" });
  check((await h1(page)) === "Chinook", `chinook: index title is ${await h1(page)}`);
  const rows = await page.$$eval("table.tables tbody tr", (r) => r.length);
  check(rows === 11, `chinook: the index lists ${rows} tables, expected 11`);
  check((await backgroundLuminance(page)) > 0.8, "chinook: the index is not light by default");
  await shot(page, "chinook-index");

  // Search, fuzzily: "invln" finds InvoiceLine first.
  const results = await search(page, "invln");
  check(results.length > 0 && results[0][1] === "InvoiceLine" && results[0][0] === "table",
        `chinook: searching "invln" gave ${JSON.stringify(results.slice(0, 3))}`);
  await shot(page, "chinook-search");
  await clickAndWait(page, await page.$("#search-results li a"));
  check((await h1(page)).endsWith("InvoiceLine"), `chinook: the search result opened ${await h1(page)}`);
  check(page.url().endsWith("/tables/invoiceline.html"), `chinook: search opened ${page.url()}`);

  // Columns are found too, and lead to their row.
  const columns = await search(page, "UnitPrice");
  check(columns.some((r) => r[0] === "column" && r[2].endsWith("#c3")), `chinook: column search gave ${JSON.stringify(columns)}`);
  await page.keyboard.press("Escape");

  // The overview diagram, when the site has one: its tables link to their pages.
  await page.goto(url(chinookSite, "index.html"), { waitUntil: "load" });
  const nodes = await page.$$("#overview svg a");
  if (nodes.length) {
    const target = await page.$("#overview svg a[href$='tables/track.html'], #overview svg a[*|href$='tables/track.html']");
    if (check(target, "chinook: the overview diagram has no link to Track")) {
      await clickAndWait(page, target);
      check((await h1(page)).endsWith("Track"), `chinook: the diagram opened ${await h1(page)}`);
    }
  } else {
    console.log("note: the index has no overview diagram (no diagram renderer built in)");
  }

  // A relationship link: InvoiceLine's many-to-one to Invoice.
  await page.goto(url(chinookSite, "tables/invoiceline.html"), { waitUntil: "load" });
  await shot(page, "chinook-table");
  const link = await page.$("section#relationships table.relationships a[href$='invoice.html']");
  if (check(link, "chinook: InvoiceLine has no relationship link to Invoice")) {
    await clickAndWait(page, link);
    check((await h1(page)).endsWith("Invoice"), `chinook: the relationship link opened ${await h1(page)}`);
    const incoming = await page.$$eval("section#relationships a", (a) => a.map((x) => x.textContent));
    check(incoming.includes("InvoiceLine"), `chinook: Invoice does not link back to InvoiceLine: ${incoming}`);
  }

  // Dark: the button switches, and the choice stays on the next page.
  await page.click("#theme");
  check((await backgroundLuminance(page)) < 0.2, "chinook: the theme button did not switch to dark");
  await shot(page, "chinook-dark");
  await page.goto(url(chinookSite, "findings.html"), { waitUntil: "load" });
  check((await backgroundLuminance(page)) < 0.2, "chinook: dark did not stay on the next page");
  await shot(page, "chinook-findings-dark");
  await page.click("#theme");
  check((await backgroundLuminance(page)) > 0.8, "chinook: the theme button did not switch back to light");
  await page.close();

  // A system set to dark gets dark without a click.
  const dark = await newPage("chinook-dark");
  await dark.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
  await dark.goto(url(chinookSite, "tables/track.html"), { waitUntil: "load" });
  await dark.evaluate(() => localStorage.removeItem("mg-theme"));
  await dark.reload({ waitUntil: "load" });
  check((await backgroundLuminance(dark)) < 0.2, "chinook: prefers-color-scheme: dark is not followed");
  await shot(dark, "chinook-system-dark");
  await dark.close();
}

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith(".html")) out.push(path);
  }
  return out.sort();
}

async function browseHostile() {
  const page = await newPage("hostile");
  // Anything that runs from the content would set this or open a dialog.
  await page.evaluateOnNewDocument(() => {
    window.__mgExecuted = [];
    for (const name of ["alert", "confirm", "prompt"]) {
      const original = window[name];
      window[name] = function (...args) {
        window.__mgExecuted.push(`${name}(${args.join(",")})`);
        return original.apply(this, args);
      };
    }
  });
  const pages = htmlFiles(hostileSite);
  check(pages.length >= 15, `hostile: only ${pages.length} pages`);
  for (const file of pages) {
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const executed = await page.evaluate(() => window.__mgExecuted);
    check(executed.length === 0, `hostile: ${relative(hostileSite, file)} ran ${executed}`);
    const scripts = await page.$$eval("script", (s) => s.map((x) => x.getAttribute("src")));
    check(scripts.length === 2 && scripts.every((s) => s && s.endsWith(".js")),
          `hostile: ${relative(hostileSite, file)} has scripts ${JSON.stringify(scripts)}`);
    // The diagram is the one SVG a page may hold (built by modelgraph, in
    // section.diagram): anything else, or anything active inside it, is
    // injected.
    const injected = await page.$$eval(
      "main img, main iframe, main svg, main script, main a[href^='javascript'], main [onload], main [onerror]",
      (e) => e.filter((x) => !(x.tagName.toLowerCase() === "svg" && x.closest("section.diagram")))
              .map((x) => x.outerHTML.slice(0, 200)));
    const active = await page.$$eval("section.diagram svg *", (e) => e.filter((x) =>
      ["script", "foreignobject", "iframe"].includes(x.tagName.toLowerCase()) ||
      [...x.attributes].some((a) => a.name.startsWith("on") ||
        (/href$/.test(a.name) && /^\s*(javascript|data):/i.test(a.value)))).map((x) => x.outerHTML.slice(0, 200)));
    check(active.length === 0, `hostile: ${relative(hostileSite, file)} has active diagram content ${active}`);
    check(injected.length === 0, `hostile: ${relative(hostileSite, file)} has injected elements ${injected}`);
  }
  await page.goto(url(hostileSite, "index.html"), { waitUntil: "load" });
  await shot(page, "hostile-index");
  const names = await page.$$eval("table.tables tbody tr td:first-child a", (a) => a.map((x) => x.textContent));
  check(names.includes("<script>alert('name')</script>"), `hostile: the table names do not show as text: ${names}`);

  // Search still works, and shows the hostile name as text.
  const results = await search(page, "script alert");
  const hit = results.find((r) => r[0] === "table" && r[1] === "<script>alert('name')</script>");
  if (check(hit, `hostile: search for "script alert" gave ${JSON.stringify(results)}`)) {
    await shot(page, "hostile-search");
    const links = await page.$$("#search-results li a");
    await clickAndWait(page, links[results.indexOf(hit)]);
    check((await h1(page)).endsWith("<script>alert('name')</script>"), `hostile: search opened ${await h1(page)}`);
    await shot(page, "hostile-table");
  }
  const executed = await page.evaluate(() => window.__mgExecuted);
  check(executed.length === 0, `hostile: something ran: ${executed}`);
  await page.close();
}

// Every page (or every `step`th) loads cleanly and each table page's
// relationship links lead to existing pages.
async function visitAll(label, site, step) {
  const page = await newPage(label);
  const pages = htmlFiles(site);
  let visited = 0;
  for (let i = 0; i < pages.length; i += step) {
    await page.goto(pathToFileURL(pages[i]).href, { waitUntil: "load" });
    visited++;
    const broken = await page.$$eval("main a[href]", (links) =>
      links.map((a) => a.getAttribute("href")).filter((h) => !h.startsWith("#") && !/^[a-z0-9_./-]+\.html(#[a-z0-9_-]+)?$/.test(h)));
    check(broken.length === 0, `${label}: ${relative(site, pages[i])} has unexpected links ${broken}`);
  }
  console.log(`${label}: ${visited} of ${pages.length} pages visited`);
  await page.close();
  return pages.length;
}

async function browseGenerated() {
  const count = await visitAll("generated", generatedSite, 50);
  check(count > 1000, `generated: only ${count} pages for 1,000 tables`);
  const page = await newPage("generated");
  await page.goto(url(generatedSite, "index.html"), { waitUntil: "load" });
  const started = Date.now();
  const results = await search(page, "t999");
  check(results.length > 0 && results[0][1] === "t999", `generated: searching "t999" gave ${JSON.stringify(results.slice(0, 3))}`);
  console.log(`generated: search answered in ${Date.now() - started} ms`);
  await shot(page, "generated-search", false);
  await clickAndWait(page, await page.$("#search-results li a"));
  check((await h1(page)).endsWith("t999"), `generated: search opened ${await h1(page)}`);
  await page.close();
}

// A class hierarchy: the base's page links to its joined-table subclass,
// which links back; a single-table subclass's columns carry its tag.
async function browseClasses() {
  await visitAll("classes", classesSite, 1);
  const page = await newPage("classes");
  await page.goto(url(classesSite, "tables/employee.html"), { waitUntil: "load" });
  await shot(page, "classes-table");
  const tags = await page.$$eval("table.columns .tag.subclass", (t) => t.map((x) => x.textContent));
  check(tags.length === 2 && tags.every((t) => t === "Manager"), `classes: subclass tags ${JSON.stringify(tags)}`);
  const sub = await page.$("section#inheritance a[href$='engineer.html']");
  if (check(sub, "classes: employee does not link to its subclass Engineer")) {
    await clickAndWait(page, sub);
    check((await h1(page)).endsWith("engineer"), `classes: the subclass link opened ${await h1(page)}`);
    const base = await page.$("section#inheritance a[href$='employee.html']");
    check(base, "classes: engineer does not link to its base");
  }
  await page.close();
}

function mdFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...mdFiles(path));
    else if (name.endsWith(".md")) out.push(path);
  }
  return out.sort();
}

// Renders each page of a Markdown site and checks it in the browser.
async function checkMarkdown(label, sources, hostile) {
  const site = docs(`${label}-markdown`, ...sources, "--format", "markdown");
  const graph = JSON.parse(execFileSync(modelgraph, ["dump", ...sources], { maxBuffer: 1 << 28 }).toString());
  // Markdown headings hold one line: a name's line breaks read as spaces.
  const columns = new Map(graph.tables.map((t) => [t.name.replace(/[\r\n]/g, " "), t.columns.length]));
  const md = new MarkdownIt({ html: true });
  const page = await newPage(`${label}-markdown`);
  const files = mdFiles(site);
  for (const file of files) {
    const name = relative(site, file);
    const html = md.render(readFileSync(file, "utf8"));
    writeFileSync(file.replace(/\.md$/, ".rendered.html"), html);
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><body>${html}</body>`, { waitUntil: "load" });
    check(await page.$("h1"), `${label}-markdown: ${name} renders no heading`);
    const markup = await page.$$eval("script, img, iframe, svg, object, embed, style, form, input",
                                     (e) => e.map((x) => x.outerHTML.slice(0, 80)));
    check(markup.length === 0, `${label}-markdown: ${name} renders markup ${markup}`);
    const handlers = await page.$$eval("*", (all) =>
      all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name)));
    check(handlers.length === 0, `${label}-markdown: ${name} has event handlers ${handlers}`);
    const hrefs = await page.$$eval("a[href]", (a) => a.map((x) => x.getAttribute("href")));
    for (const href of hrefs) {
      if (href.startsWith("#")) continue;
      const ok = !/^[a-z]+:/i.test(href) && existsSync(join(dirname(file), href.replace(/#.*$/, "")));
      check(ok || /^https:\/\/example\.org\//.test(href), `${label}-markdown: ${name} links to ${href}`);
    }
    if (name.startsWith("tables/")) {
      const title = await page.$eval("h1", (e) => e.textContent);
      const rows = await page.$eval("table tbody", (t) => t.rows.length).catch(() => -1);
      check(columns.has(title), `${label}-markdown: ${name} is titled ${JSON.stringify(title)}, no such table`);
      check(rows === columns.get(title), `${label}-markdown: ${name} renders ${rows} column rows, expected ${columns.get(title)}`);
    }
  }
  if (hostile) {
    await page.setContent(md.render(readFileSync(join(site, "README.md"), "utf8")), { waitUntil: "load" });
    const names = await page.$$eval("table tbody tr td:first-child", (td) => td.map((x) => x.textContent));
    check(names.includes("<script>alert('name')</script>"), `${label}-markdown: names do not show as text: ${names}`);
  }
  console.log(`${label}-markdown: ${files.length} pages rendered`);
  await page.close();
}

try {
  await checkMarkdown("chinook", [chinookDb], false);
  await checkMarkdown("sakila", [sakilaDb], false);
  await checkMarkdown("hostile", [hostileSql, hostileH], true);
  await checkMarkdown("classes", [classesH], false);
  await browseChinook();
  await visitAll("sakila", sakilaSite, 1);
  await browseClasses();
  await browseGenerated();
  await browseHostile();
} catch (err) {
  problem(`the run stopped: ${err.stack || err}`);
} finally {
  await browser.close();
}
console.log(`screenshots: ${artefacts}`);
if (problems.length) {
  console.log(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log("browser: ok");
