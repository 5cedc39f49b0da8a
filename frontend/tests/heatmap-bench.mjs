// Draws the heat map of a 64-node x 8-NPU SAME_INDEX matrix (32 256 pairs) in headless chromium and prints the
// render time the module reports (data-render-ms). Run: node tests/heatmap-bench.mjs (not part of the test suite).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "ascendcp-bench-")), {
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = context.pages()[0] ?? (await context.newPage());
const module = readFileSync(new URL("../js/heatmap.js", import.meta.url), "utf8");
await page.setContent("<div id='heatmap' class='heatmap'></div>");
const times = await page.evaluate(async (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const { renderHeatmap } = await import(url);
  const nodes = Array.from({ length: 64 }, (_, k) => ({ nodeId: `n${k}`, name: `node-${k}`, npuCount: 8 }));
  const results = [];
  for (let k = 0; k < 64; k++)
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 64; j++)
        if (j !== k) results.push({ from: { nodeId: `n${k}`, npu: i }, to: { nodeId: `n${j}`, npu: i, ip: `29.0.${i}.${j + 5}` },
          lossPercent: k === 3 && i === 3 ? 100 : 0, avgRttMs: 0.1 });
  const container = document.getElementById("heatmap");
  const runs = [];
  for (let r = 0; r < 5; r++) {
    renderHeatmap(container, nodes, results);
    runs.push(Number(container.dataset.renderMs));
  }
  return { pairs: results.length, runs };
}, module);
console.log(`BENCHMARK heatmap nodes=64 npus=512 pairs=${times.pairs} renderMs=${times.runs.join(",")}`);
await context.close();
