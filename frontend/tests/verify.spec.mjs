// Browser test of the Verify dashboard against the demo profile (started by VerifyBrowserIntegrationTests):
// log in, verify from the UI (grid all green), inject a link-down fault through the simulator API, verify again,
// and see the red cell, the problem sentence and the red row of the heat map; then see the grid fill in live while a
// run with a slow node is still going. Screenshots go to target/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { base, firstPage, launchChromium, login, password, shots, user } from "./support/browser.mjs";

const clusterName = process.env.ASCENDCP_CLUSTER ?? "demo";
const FAULTY_NPU = 3;

let browser;
let page;

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium({ height: 1100 });
  page = await firstPage(browser);
});

after(async () => {
  if (page) await api("DELETE", `/api/v1/simulator/nodes/${await faultNode()}/faults`).catch(() => {});
  await browser?.close();
});

async function api(method, path, data) {
  // the API as an automation client would call it: HTTP Basic, no browser session
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const response = await page.request.fetch(`${base}${path}`, { method, data, headers: { authorization } });
  assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}

let faultNodeName;
async function faultNode() {
  if (!faultNodeName) faultNodeName = (await api("GET", "/api/v1/simulator/nodes")).content[0].name;
  return faultNodeName;
}

async function clusterId() {
  const clusters = await api("GET", "/api/v1/clusters?size=500");
  const cluster = clusters.content.find((c) => c.name === clusterName);
  assert.ok(cluster, `cluster ${clusterName} exists`);
  return cluster.id;
}

async function runVerification() {
  const before = await page.evaluate(() => document.body.dataset.verified ?? "");
  const estimate = await page.locator("#ping-estimate").textContent();
  assert.match(estimate, /\d+ pings/, "the ping count is shown before the run");
  await page.click("#run-button");
  await page.waitForFunction(
    (previous) => document.body.dataset.verified && document.body.dataset.verified !== previous,
    before,
    { timeout: 120_000 },
  );
  await page.waitForSelector("#heatmap canvas", { timeout: 10_000 });
}

test("verifies from the UI, then shows an injected link-down fault", async () => {
  await login(page);

  for (const node of (await api("GET", "/api/v1/simulator/nodes")).content) {
    await api("DELETE", `/api/v1/simulator/nodes/${node.name}/faults`);
  }
  const id = await clusterId();
  await page.goto(`${base}/clusters/${id}`);

  await runVerification();
  const cells = page.locator("#npu-grid .npu-cell[data-npu]");
  assert.ok((await cells.count()) >= 16, "every NPU has a cell");
  assert.equal(await page.locator("#npu-grid .npu-cell[data-npu]:not(.npu-passed)").count(), 0, "all green");
  assert.equal(await page.locator("#heatmap").getAttribute("data-lossy"), "0");
  await page.screenshot({ path: join(shots, "verify-all-green.png"), fullPage: true });

  const simNode = await faultNode();
  await api("PUT", `/api/v1/simulator/nodes/${simNode}/faults`, { npus: [{ index: FAULTY_NPU, linkDown: true }] });
  await runVerification();

  const failed = page.locator("#npu-grid .npu-cell.npu-failed");
  assert.equal(await failed.count(), 1, "exactly one red cell");
  assert.equal(await failed.getAttribute("data-npu"), String(FAULTY_NPU));
  const node = await failed.getAttribute("data-node");
  await failed.click();
  assert.match(await page.locator("#npu-detail").textContent(), /Link\s*DOWN/);
  const sentence = `NPU ${FAULTY_NPU} on ${node}: link DOWN`;
  assert.ok(
    (await page.locator("#problem-list .problem-message").allTextContents()).includes(sentence),
    `the problem list says "${sentence}"`,
  );
  const heatmap = page.locator("#heatmap");
  const lostRows = (await heatmap.getAttribute("data-lost-rows")).split(",");
  assert.ok(lostRows.includes(`${node} NPU ${FAULTY_NPU}`), "the faulty NPU's row is red");
  // its peers' only other target is the faulty NPU too, so their rows may be red; no other NPU's row is
  assert.ok(lostRows.every((row) => row.endsWith(` NPU ${FAULTY_NPU}`)), `only NPU ${FAULTY_NPU} rows: ${lostRows}`);
  const red = await page.evaluate(({ npu }) => {
    const container = document.getElementById("heatmap");
    const canvas = container.querySelector("canvas");
    const cell = Number(container.dataset.cell);
    const rowY = npu * cell + Math.floor(cell / 2);
    const data = canvas.getContext("2d").getImageData(0, rowY, canvas.width, 1).data;
    let redPixels = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 200 && data[i + 1] < 100 && data[i + 2] < 100) redPixels++;
    return redPixels;
  }, { npu: FAULTY_NPU });
  assert.ok(red > 0, "red pixels in the faulty NPU's row of the canvas");
  console.log(`heat map drawn in ${await heatmap.getAttribute("data-render-ms")} ms`);
  await page.screenshot({ path: join(shots, "verify-link-down.png"), fullPage: true });

  // Live: with the other node slow, the fast node's row and the progress arrive over the job's event stream while
  // the job still runs, without a reload; when the job ends the panel shows the stored verdict.
  const slow = (await api("GET", "/api/v1/simulator/nodes")).content.find((n) => n.name !== simNode).name;
  await api("PUT", `/api/v1/simulator/nodes/${slow}/faults`, { extraLatencyMs: 250 });
  try {
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const before = await page.evaluate(() => document.body.dataset.verified ?? "");
    await page.click("#run-button");
    await page.waitForFunction(
      () => document.body.dataset.verifying && document.querySelector("#npu-grid tr.live"),
      null,
      { timeout: 60_000 },
    );
    const live = page.locator("#npu-grid tr.live");
    assert.equal(await live.count(), 1, "one node checked so far: its row was replaced by the live one");
    assert.equal(await live.getAttribute("data-node"), node, "the fast node (with the link down) is checked first");
    assert.equal(await live.locator(".npu-cell.npu-failed").getAttribute("data-npu"), String(FAULTY_NPU));
    assert.equal(await page.locator("#verification-live").getAttribute("data-nodes-collected"), "1");
    assert.match(await page.locator("#live-progress").textContent(), /Verifying: 1 of 2 nodes checked/);
    assert.ok(await page.evaluate(() => Boolean(document.body.dataset.verifying)), "the job still runs");
    await page.screenshot({ path: join(shots, "verify-live.png"), fullPage: true });

    await page.waitForFunction(
      (previous) => document.body.dataset.verified && document.body.dataset.verified !== previous,
      before,
      { timeout: 120_000 },
    );
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "no reload");
    assert.equal(await page.locator("#npu-grid tr.live").count(), 0, "the stored verdict replaced the live rows");
    assert.equal(await page.locator("#npu-grid .npu-cell.npu-failed").count(), 1);
    assert.match(await page.locator("#run-status").textContent(), /Verification FAILED/);
  } finally {
    await api("DELETE", `/api/v1/simulator/nodes/${slow}/faults`);
  }
});
