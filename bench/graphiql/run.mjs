// SPDX-License-Identifier: MIT
// Sextant: GraphiQL in headless Chromium on one big response: last byte -> rendered in the result pane, peak memory.
//
// Usage: node bench/graphiql/run.mjs --file RESPONSE.json [--timeout 120] [--chromium /usr/bin/chromium]
//                                    [--screenshot out.png]
//
// Serves index.html, the GraphiQL/React bundles from node_modules and, for any POST /graphql, RESPONSE.json (with
// Content-Length) from an HTTP server on 127.0.0.1 (this process). Launches Chromium headless through
// playwright-core, types a query into GraphiQL's query editor and clicks GraphiQL's execute button. GraphiQL 3 then
// does what it always does: fetch, response.json(), JSON.stringify(result, null, 2) (toolkit formatResult) and
// CodeMirror 5 setValue() in the result pane.
//
// "Rendered" (GraphiQL's "browsable"): the result pane's CodeMirror document holds the whole formatted response
// (its last scalar line, computed from the file, is among the document's last lines) and the next animation frame
// has run, so the visible lines of the pane are painted and the user can scroll and search the text.
//
// Prints one JSON object: timings (epoch ms, one clock: this process and the page share the system clock), the
// memory of all Chromium processes (sum of RSS from /proc every 100 ms and of PSS every 500 ms, from before the
// click to 1 s after rendered), the renderer's peak RSS, CDP Performance.getMetrics JSHeapUsedSize before and after.
// outcome is "rendered", "error" (GraphiQL showed something else, e.g. an exception text), "crashed" (the tab
// died) or "timeout" (nothing rendered within --timeout seconds). Every wait is bounded.
import { createServer } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const file = opt("file", null);
const timeoutMs = Number(opt("timeout", "120")) * 1000;
const executablePath = opt("chromium", "/usr/bin/chromium");
const screenshot = opt("screenshot", null);
if (!file) {
  console.error("usage: node bench/graphiql/run.mjs --file RESPONSE.json [--timeout 120] [--chromium PATH]");
  process.exit(2);
}
const now = () => performance.timeOrigin + performance.now();

// The formatted response's last scalar line, e.g. `"runs": 2910`: present once the whole text is in the editor.
function lastScalarLine(text) {
  let value = JSON.parse(text);
  let key = null;
  while (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) break;
    key = keys[keys.length - 1];
    value = value[key];
  }
  const scalar = JSON.stringify(value);
  return Array.isArray(value) || key === null || /^\d+$/.test(key) ? scalar : `${JSON.stringify(key)}: ${scalar}`;
}

const body = readFileSync(file);
const marker = lastScalarLine(body.toString("utf8"));

const vendor = {
  "/vendor/react.production.min.js": "react/umd/react.production.min.js",
  "/vendor/react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
  "/vendor/graphiql.min.js": "graphiql/graphiql.min.js",
  "/vendor/graphiql.min.css": "graphiql/graphiql.min.css",
};
const server = { requestAt: null, lastByteServedAt: null, posts: 0 };
const http = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/graphql") {
    req.resume();
    req.on("end", () => {
      server.posts += 1;
      server.requestAt = now();
      res.writeHead(200, {
        "Content-Type": "application/graphql-response+json; charset=utf-8",
        "Content-Length": body.length,
      });
      res.end(body, () => { server.lastByteServedAt = now(); });
    });
    return;
  }
  const path = req.url === "/" ? "index.html" : vendor[req.url];
  if (!path) {
    res.writeHead(404).end();
    return;
  }
  const full = path === "index.html" ? join(here, path) : join(here, "node_modules", path);
  const type = path.endsWith(".css") ? "text/css" : path.endsWith(".html") ? "text/html" : "text/javascript";
  res.writeHead(200, { "Content-Type": `${type}; charset=utf-8` }).end(readFileSync(full));
});
await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${http.address().port}/`;

// --- memory of the browser's process tree, from /proc ---
function readProc(pid, name) {
  try {
    return readFileSync(`/proc/${pid}/${name}`, "utf8");
  } catch {
    return null;
  }
}
function descendants(root) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(entry, "stat");
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const all = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift();
    all.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return all;
}
const kbField = (text, name) => {
  const m = text && text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"));
  return m ? Number(m[1]) : 0;
};
// RSS (from status) on every call; PSS (smaps_rollup walks the page tables: ~10 ms for a 2 GB renderer) only when
// asked, so the sampler itself stays a small load on a 2-core machine.
function sample(pids, withPss = true) {
  let rssKb = 0;
  let pssKb = 0;
  let rendererRssKb = 0;
  for (const pid of pids) {
    const status = readProc(pid, "status");
    if (!status) continue;
    const rss = kbField(status, "VmRSS");
    rssKb += rss;
    if (withPss) pssKb += kbField(readProc(pid, "smaps_rollup"), "Pss");
    if ((readProc(pid, "cmdline") ?? "").includes("--type=renderer")) rendererRssKb = Math.max(rendererRssKb, rss);
  }
  return { rssKb, pssKb, rendererRssKb, processes: pids.length };
}

const result = {
  file,
  bytes: body.length,
  marker,
  chromium: null,
  graphiql: JSON.parse(readFileSync(join(here, "node_modules/graphiql/package.json"), "utf8")).version,
  outcome: null,
};
const browser = await chromium.launch({ executablePath, headless: true, timeout: 60000 });
result.chromium = browser.version();
// playwright-core starts Chromium as a child of this process: the browser's processes are our descendants.
const browserPid = process.pid;
let sampler = null;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(String(error.message ?? error).slice(0, 300)));
  let crashed = false;
  const crash = new Promise((resolve) => page.on("crash", () => { crashed = true; resolve("crashed"); }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const heap = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const pick = (name) => metrics.find((m) => m.name === name)?.value ?? null;
    return { usedKb: Math.round(pick("JSHeapUsedSize") / 1024), totalKb: Math.round(pick("JSHeapTotalSize") / 1024) };
  };

  await page.goto(url, { timeout: 60000 });
  await page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: 60000 });
  await page.waitForSelector(".graphiql-response .CodeMirror", { timeout: 60000 });
  // Set the query the way a user does: through the query editor (CodeMirror 5 keeps its instance on the wrapper).
  await page.evaluate(() => {
    document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.setValue("{\n  runsOrError(limit: 1000000)\n}\n");
  });
  await page.waitForTimeout(500); // let GraphiQL's debounced query state settle before the click (not timed)

  let pids = descendants(browserPid);
  const before = sample(pids);
  result.heapBefore = await heap();
  const memory = { peakRssKb: before.rssKb, peakPssKb: before.pssKb, peakRendererRssKb: before.rendererRssKb };
  let ticks = 0;
  sampler = setInterval(() => {
    if (++ticks % 10 === 0) pids = descendants(browserPid);
    const s = sample(pids, ticks % 5 === 0);
    memory.peakRssKb = Math.max(memory.peakRssKb, s.rssKb);
    memory.peakPssKb = Math.max(memory.peakPssKb, s.pssKb);
    memory.peakRendererRssKb = Math.max(memory.peakRendererRssKb, s.rendererRssKb);
    memory.processes = s.processes;
  }, 100);

  // The watcher runs in the page: on every animation frame (and every 50 ms, should frames stop) it looks at the
  // result pane's CodeMirror document. Found: the whole text is in the model; one more frame: it is painted.
  await page.evaluate((marker) => {
    window.__benchResult = new Promise((resolve) => {
      const cm = () => document.querySelector(".graphiql-response .CodeMirror")?.CodeMirror;
      let done = false;
      const check = () => {
        if (done) return;
        const editor = cm();
        if (editor && editor.lineCount() > 1) {
          const last = editor.lastLine();
          let tail = "";
          for (let line = Math.max(0, last - 64); line <= last; line++) tail += editor.getLine(line).trim() + "\n";
          if (tail.includes(`${marker}\n`)) {
            done = true;
            const foundAt = performance.timeOrigin + performance.now();
            requestAnimationFrame(() => setTimeout(() => {
              const entry = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/graphql")).pop();
              resolve({
                outcome: "rendered",
                foundAt,
                paintedAt: performance.timeOrigin + performance.now(),
                responseEndAt: entry ? performance.timeOrigin + entry.responseEnd : null,
                lines: editor.lineCount(),
                chars: editor.getValue().length,
                visibleLines: document.querySelectorAll(".graphiql-response .CodeMirror-line").length,
              });
            }, 0));
            return;
          }
        }
        const text = editor && editor.lineCount() < 5000 ? editor.getValue() : "";
        if (text.length > 0 && text.length < 100000 && !text.includes(marker)) {
          done = true;
          resolve({ outcome: "error", text: text.slice(0, 500), paintedAt: performance.timeOrigin + performance.now() });
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
      setInterval(check, 50);
    });
  }, marker);

  const clickedAt = now();
  await page.click(".graphiql-execute-button", { timeout: 10000 });
  let timer = null;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve("timeout"), timeoutMs); });
  const watched = page.evaluate(() => window.__benchResult).catch((error) => ({ outcome: "crashed", text: String(error) }));
  const outcome = await Promise.race([watched, crash, timeout]);
  clearTimeout(timer);
  const endedAt = now();
  if (typeof outcome === "string") {
    result.outcome = outcome;
    result.waitedMs = Math.round(endedAt - clickedAt);
  } else {
    Object.assign(result, outcome);
    if (crashed) result.outcome = "crashed";
  }
  if (screenshot && result.outcome === "rendered") {
    result.screenshot = await page.screenshot({ path: screenshot, timeout: 60000 })
      .then(() => screenshot, (error) => `failed: ${String(error?.message ?? error).split("\n")[0]}`);
  }
  // Keep sampling one more second: GraphiQL and CodeMirror may still allocate after the first paint.
  if (result.outcome === "rendered") await new Promise((resolve) => setTimeout(resolve, 1000));
  clearInterval(sampler);
  sampler = null;
  const after = sample(descendants(browserPid));
  result.clickedAt = clickedAt;
  result.requestAt = server.requestAt;
  result.lastByteServedAt = server.lastByteServedAt;
  result.posts = server.posts;
  if (result.outcome === "rendered") {
    result.lastByteToRenderedMs = Math.round(result.paintedAt - server.lastByteServedAt);
    result.responseEndToRenderedMs = result.responseEndAt ? Math.round(result.paintedAt - result.responseEndAt) : null;
    result.clickToRenderedMs = Math.round(result.paintedAt - clickedAt);
    result.heapAfter = await Promise.race([heap(), new Promise((resolve) => setTimeout(() => resolve(null), 10000))]);
  }
  result.memory = {
    rssBeforeKb: before.rssKb,
    pssBeforeKb: before.pssKb,
    rendererRssBeforeKb: before.rendererRssKb,
    ...memory,
    rssAfterKb: after.rssKb,
    pssAfterKb: after.pssKb,
  };
  result.pageErrors = pageErrors;
} catch (error) {
  result.outcome = result.outcome ?? "failed";
  result.error = String(error?.message ?? error).slice(0, 500);
} finally {
  if (sampler) clearInterval(sampler);
  await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 15000))]);
  http.closeAllConnections?.();
  http.close();
}
console.log(JSON.stringify(result));
process.exit(0);
