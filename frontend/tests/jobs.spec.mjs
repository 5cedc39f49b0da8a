// Browser test of the job page's Cancel and "Retry failed nodes" buttons against the demo profile (started by
// VerifyBrowserIntegrationTests): a verification hung by a simulator fault is cancelled from the page (the hung
// commands end on the node, the job shows CANCELLED); a verification with one node powered off fails, and the page
// retries it over that node only (the new job links to the original). A VIEWER sees neither button.
// Leaves the simulator healthy and no job running, for the specs that follow (they run one file at a time).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { base, firstPage, launchChromium, login, password, shots, until, user } from "./support/browser.mjs";

const clusterName = process.env.ASCENDCP_CLUSTER ?? "demo";
const viewerName = "jobs-spec-viewer";
const viewerPassword = "Read-Only-Pa55-w0rd";

const browsers = [];
let page;

async function launch() {
  const context = await launchChromium({ height: 1000 });
  browsers.push(context);
  return firstPage(context);
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  page = await launch();
});

after(async () => {
  if (page) {
    await healthy().catch((e) => console.log(`clean-up: ${e}`));
    await api("DELETE", `/api/v1/users/${viewerName}`, undefined, [204, 404]).catch(() => {});
  }
  for (const context of browsers) await context.close();
});

async function api(method, path, data, accept) {
  // the API as an automation client would call it: HTTP Basic, no browser session
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const response = await page.request.fetch(`${base}${path}`, { method, data, headers: { authorization } });
  const ok = accept ? accept.includes(response.status()) : response.ok();
  assert.ok(ok, `${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.status() === 204 || !response.ok() ? null : response.json();
}

async function clusterId() {
  const clusters = await api("GET", "/api/v1/clusters?size=500");
  const cluster = clusters.content.find((c) => c.name === clusterName);
  assert.ok(cluster, `cluster ${clusterName} exists`);
  return cluster.id;
}

async function simNodes() {
  return (await api("GET", "/api/v1/simulator/nodes")).content;
}

/** No fault, every node powered on, no job running on the cluster. */
async function healthy() {
  for (const node of await simNodes()) {
    await api("DELETE", `/api/v1/simulator/nodes/${node.name}/faults`);
    if (!node.running) await api("POST", `/api/v1/simulator/nodes/${node.name}/start`);
  }
  const id = await clusterId();
  const running = await api("GET", `/api/v1/jobs?clusterId=${id}&status=RUNNING`);
  const queued = await api("GET", `/api/v1/jobs?clusterId=${id}&status=QUEUED`);
  for (const job of [...running.content, ...queued.content]) {
    await api("POST", `/api/v1/jobs/${job.id}/cancel`, undefined, [202, 409]);
  }
  await until("no job runs on the cluster", async () => {
    const left = await api("GET", `/api/v1/jobs?clusterId=${id}&status=RUNNING`);
    return left.content.length === 0;
  });
}

async function startVerification() {
  const job = await api("POST", `/api/v1/clusters/${await clusterId()}/jobs`, { phase: "VERIFY", options: {} });
  assert.ok(job.id, "the job was accepted");
  return job.id;
}

/** The status shown on the job page (the page reloads itself when the job ends, so each look finds it anew). */
async function shownStatus() {
  return (await page.locator("#job-grid .status").textContent({ timeout: 2_000 }))?.trim();
}

async function click(label) {
  // the buttons ask for a confirmation (hx-confirm): accept it
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: label }).click();
}

test("cancels a hung job and retries a failed node from the job page; a viewer has neither button", async () => {
  await login(page);
  await healthy();
  const [head, worker] = await simNodes();

  // 1. Cancel: hccn_tool hangs on the worker, so the verification never ends by itself.
  await api("PUT", `/api/v1/simulator/nodes/${worker.name}/faults`, { hang: true });
  const hungJob = await startVerification();
  await until("the hung tool runs on the worker", async () => {
    const node = await api("GET", `/api/v1/simulator/nodes/${worker.name}`);
    return node.runningProcesses > 0;
  });
  await page.goto(`${base}/jobs/${hungJob}`);
  assert.equal(await shownStatus(), "RUNNING");
  await page.screenshot({ path: join(shots, "job-running.png"), fullPage: true });
  await click("Cancel");
  await until("the page shows CANCELLED", async () => (await shownStatus()) === "CANCELLED");
  const cancelled = await api("GET", `/api/v1/jobs/${hungJob}`);
  assert.equal(cancelled.status, "CANCELLED");
  assert.match(cancelled.error.message, new RegExp(`cancelled by ${user}`));
  const worked = await api("GET", `/api/v1/simulator/nodes/${worker.name}`);
  assert.equal(worked.runningProcesses, 0, "the hung commands ended on the worker");
  // the page reloads itself once the job ended: a finished job has no Cancel button
  const cancelButtons = () => page.getByRole("button", { name: "Cancel" }).count();
  await until("no Cancel on the finished job", async () => (await cancelButtons()) === 0);
  assert.equal(await shownStatus(), "CANCELLED");
  await page.screenshot({ path: join(shots, "job-cancelled.png"), fullPage: true });
  await api("DELETE", `/api/v1/simulator/nodes/${worker.name}/faults`);

  // 2. Retry: the worker is powered off, so its steps fail; the head's pass.
  await api("POST", `/api/v1/simulator/nodes/${worker.name}/stop`);
  const failedJob = await startVerification();
  const failed = await until(
    "the verification with a node down ends",
    async () => {
      const job = await api("GET", `/api/v1/jobs/${failedJob}`);
      return job.status !== "RUNNING" && job.status !== "QUEUED" ? job : undefined;
    },
    120_000,
  );
  assert.equal(failed.status, "FAILED");
  assert.ok(
    failed.steps.some((s) => s.nodeName === worker.name && s.status === "FAILED"),
    "a step of the worker failed",
  );
  const headFailed = failed.steps.some((s) => s.nodeName === head.name && s.status === "FAILED");
  assert.ok(!headFailed, "no step of the head failed");
  await api("POST", `/api/v1/simulator/nodes/${worker.name}/start`);
  await page.goto(`${base}/jobs/${failedJob}`);
  assert.equal(await shownStatus(), "FAILED");
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith(failedJob)), click("Retry failed nodes")]);
  const retryJob = page.url().split("/jobs/")[1];
  assert.match(retryJob, /^[0-9a-f-]{36}$/, `a new job page (${page.url()})`);
  const link = page.getByRole("link", { name: "the original job" });
  assert.equal(await link.getAttribute("href"), `/jobs/${failedJob}`, "the new job links to the original");
  const retried = await until(
    "the retry ends",
    async () => {
      const job = await api("GET", `/api/v1/jobs/${retryJob}`);
      return job.status !== "RUNNING" && job.status !== "QUEUED" ? job : undefined;
    },
    120_000,
  );
  assert.equal(retried.retryOf, failedJob);
  assert.deepEqual([...new Set(retried.steps.map((s) => s.nodeName))], [worker.name], "only the failed node again");
  assert.equal(retried.status, "SUCCEEDED", "the worker is up again");
  await until("the page shows SUCCEEDED", async () => (await shownStatus()) === "SUCCEEDED");
  await page.screenshot({ path: join(shots, "job-retried.png"), fullPage: true });

  // 3. A VIEWER sees the job pages without the buttons.
  await api("POST", "/api/v1/users", { username: viewerName, password: viewerPassword, role: "VIEWER" }, [201, 409]);
  const viewer = await launch();
  await login(viewer, viewerName, viewerPassword);
  for (const job of [failedJob, hungJob]) {
    await viewer.goto(`${base}/jobs/${job}`);
    const status = (await viewer.locator("#job-grid .status").textContent()).trim();
    assert.ok(["FAILED", "CANCELLED"].includes(status), `the viewer sees the job (${status})`);
    const retries = await viewer.getByRole("button", { name: "Retry failed nodes" }).count();
    assert.equal(retries, 0, "no Retry for a viewer");
  }
  // and no Cancel on a running job
  await api("PUT", `/api/v1/simulator/nodes/${worker.name}/faults`, { hang: true });
  const running = await startVerification();
  await viewer.goto(`${base}/jobs/${running}`);
  assert.equal((await viewer.locator("#job-grid .status").textContent()).trim(), "RUNNING");
  assert.equal(await viewer.getByRole("button", { name: "Cancel" }).count(), 0, "no Cancel for a viewer");
  await page.goto(`${base}/jobs/${running}`);
  assert.equal(await cancelButtons(), 1, "the admin has Cancel on the same page");
  await healthy();
});
