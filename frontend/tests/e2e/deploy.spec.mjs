// End-to-end browser test from an empty database (run by DeployBrowserIntegrationTests, which starts the control
// plane without the demo profile and two simulated nodes): log in, create the credential, the two nodes and a
// cluster through the forms, click Deploy, watch the job succeed and serving become READY, then prompt the model in
// the playground. Host keys are pinned on first use by the Deploy's first connections. Screenshots go to target/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { base, firstPage, launchChromium, login, shots } from "../support/browser.mjs";

const simUser = process.env.SIM_USER ?? "ascend";
const simPassword = process.env.SIM_PASSWORD ?? "";
const nodes = JSON.parse(process.env.SIM_NODES ?? "[]");
const model = process.env.SIM_MODEL ?? "/data/models/Qwen2.5-7B-Instruct";
const rayPort = process.env.RAY_PORT ?? "6379";
const servePort = process.env.SERVE_PORT ?? "8000";
const CREDENTIAL = "sim-password";
const CLUSTER = "e2e";

let browser;
let page;

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium({ height: 1100 });
  page = await firstPage(browser);
  // the Deploy form asks before it starts (data-confirm); the operator says yes
  page.on("dialog", (dialog) => dialog.accept());
});

after(async () => {
  await browser?.close();
});

const shot = (name, fullPage = true) => page.screenshot({ path: join(shots, name), fullPage, timeout: 60_000 });

async function submit(buttonText) {
  await Promise.all([page.waitForNavigation(), page.click(`button:has-text("${buttonText}")`)]);
}

async function problemsOnPage() {
  return (await page.locator(".field-error").allTextContents()).join("; ");
}

test("deploys a model from an empty inventory and prompts it in the playground", { timeout: 420_000 }, async () => {
  assert.equal(nodes.length, 2, "two simulated nodes are given");

  await login(page);

  // 1. the SSH credential (ADMIN)
  await page.goto(`${base}/credentials/new`);
  await page.fill("input[name=name]", CREDENTIAL);
  await page.fill("input[name=username]", simUser);
  await page.selectOption("select[name=kind]", "PASSWORD");
  await page.fill("input[name=password]", simPassword);
  await submit("Create credential");
  assert.ok(page.url().endsWith("/credentials"), `credential created: ${page.url()} ${await problemsOnPage()}`);
  assert.ok((await page.textContent("main")).includes(CREDENTIAL), "the credential is listed");
  assert.ok(!(await page.content()).includes(simPassword), "the secret is never shown");
  await shot("e2e-1-credential.png");

  // 2. the two nodes; no host key is pinned before the first connection
  const nodeIds = [];
  for (const node of nodes) {
    await page.goto(`${base}/nodes/new`);
    await page.fill("input[name=name]", node.name);
    await page.fill("input[name=host]", node.host);
    await page.fill("input[name=sshPort]", String(node.port));
    await page.selectOption("select[name=credentialId]", { label: `${CREDENTIAL} (${simUser})` });
    await page.fill("input[name=localIp]", node.localIp);
    await page.fill("input[name=nicName]", node.nic);
    await page.fill("input[name=npuCount]", String(node.npus));
    await submit("Create node");
    const match = page.url().match(/\/nodes\/([0-9a-f-]{36})$/);
    assert.ok(match, `node ${node.name} created: ${page.url()} ${await problemsOnPage()}`);
    nodeIds.push(match[1]);
    assert.match(await page.textContent(".hostkey"), /No key pinned yet/);
  }
  await page.goto(`${base}/nodes`);
  for (const node of nodes) assert.ok((await page.textContent("main")).includes(node.name), `${node.name} listed`);
  await shot("e2e-2-nodes.png");

  // 3. the cluster: head and worker, the model, TP = NPUs per node, PP = nodes
  await page.goto(`${base}/clusters/new`);
  await page.fill("input[name=name]", CLUSTER);
  await page.selectOption("select[name=headNodeId]", { label: `${nodes[0].name} (${nodes[0].npus} NPUs)` });
  await page.selectOption("select[name=workerNodeIds]", [{ label: `${nodes[1].name} (${nodes[1].npus} NPUs)` }]);
  await page.fill("input[name='ray.port']", rayPort);
  await page.fill("input[name='serve.model']", model);
  await page.fill("input[name='serve.servedModelName']", "qwen");
  await page.fill("input[name='serve.port']", servePort);
  await page.fill("input[name='serve.tensorParallelSize']", String(nodes[0].npus));
  await page.fill("input[name='serve.pipelineParallelSize']", String(nodes.length));
  await page.check("input[name='serve.enforceEager']");
  await page.check("input[name='serve.trustRemoteCode']");
  await submit("Create cluster");
  const cluster = page.url().match(/\/clusters\/([0-9a-f-]{36})$/);
  assert.ok(cluster, `cluster created: ${page.url()} ${await problemsOnPage()}`);
  const clusterUrl = page.url();
  await page.waitForSelector("section.panel.serving #deploy-button");
  await shot("e2e-3-cluster.png");

  // 4. Deploy: the job page follows VERIFY → BOOTSTRAP → SERVE to the end
  await Promise.all([page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/), page.click("#deploy-button")]);
  assert.match(await page.textContent("main h1"), /DEPLOY on e2e/);
  await page.waitForSelector(
    "#job-grid .status.status-SUCCEEDED, #job-grid .status.status-FAILED, #job-grid .status.status-CANCELLED",
    { timeout: 300_000 },
  );
  await page.waitForTimeout(1500); // the page reloads once the job ended
  await page.waitForLoadState("load");
  const status = await page.textContent("#job-grid .status");
  assert.equal(status.trim(), "SUCCEEDED", `the DEPLOY job: ${await page.textContent("#job-grid")}`);
  const columns = (await page.locator("#job-grid thead th").allTextContents()).join(" ");
  for (const phase of ["verify/", "bootstrap/", "serve/"]) assert.ok(columns.includes(phase), `${phase} in ${columns}`);
  await page.waitForFunction(() => document.getElementById("job-log")?.textContent.includes("POST /v1/completions"));
  await shot("e2e-4-deploy-job.png", false); // the viewport: the page holds every line of the job's log

  // 5. the cluster page shows serving READY; the nodes' host keys were pinned on first use
  await page.goto(clusterUrl);
  await page.waitForSelector("section.panel.serving .state.ready", { timeout: 30_000 });
  assert.ok((await page.textContent("section.panel.serving")).includes(`:${servePort}`), "the endpoint is shown");
  await shot("e2e-5-serving-ready.png");
  for (const [i, node] of nodes.entries()) {
    await page.goto(`${base}/nodes/${nodeIds[i]}`);
    const hostKey = await page.textContent(".hostkey");
    assert.match(hostKey, /Pinned/, `${node.name}: ${hostKey}`);
    assert.ok(hostKey.includes(node.fingerprint), `${node.name} pinned ${node.fingerprint}: ${hostKey}`);
  }

  // 6. the playground streams an answer
  await page.goto(`${base}/playground`);
  await page.selectOption("#playground select[name=cluster]", cluster[1]);
  await page.fill("#playground textarea[name=prompt]", "Hello from the browser, the future of AI is");
  await page.fill("#playground input[name=maxTokens]", "12");
  await page.click("#playground button[type=submit]");
  await page.waitForFunction(() => /\d+ tokens/.test(document.getElementById("stats").textContent), null, {
    timeout: 30_000,
  });
  const answer = (await page.textContent("#answer")).trim();
  assert.ok(answer.length > 0, "the model answered with text");
  assert.match(await page.textContent("#stats"), /^12 tokens/);
  await shot("e2e-6-playground.png");
});
