// Cluster dashboard: the ping count before a run, "Run verification", live progress, the heat map and the grid.
import { renderHeatmap } from "./heatmap.js";
import { attachGrid } from "./npu-grid.js";

const csrf = () => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
};

async function json(url, options = {}) {
  const response = await fetch(url, { credentials: "same-origin", ...options });
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) {
    const detail = body?.errors?.map((e) => `${e.field} ${e.message}`).join("; ") || body?.detail || response.statusText;
    throw new Error(detail);
  }
  return body;
}

async function drawHeatmap() {
  const container = document.getElementById("heatmap");
  if (!container) return;
  const matrix = await json(container.dataset.matrixUrl);
  renderHeatmap(container, matrix.nodes, matrix.results);
}

async function refreshPanel() {
  const panel = document.getElementById("verification");
  const response = await fetch(panel.dataset.panelUrl, { credentials: "same-origin" });
  if (!response.ok) return;
  const holder = document.createElement("div");
  holder.innerHTML = await response.text();
  const fresh = holder.querySelector("#verification");
  if (!fresh) return;
  panel.replaceWith(fresh);
  attachGrid(fresh);
  const verdict = document.getElementById("cluster-verdict");
  const result = fresh.querySelector("#npu-grid .npu-failed, #npu-grid .npu-unknown") ? "FAILED" : "PASSED";
  if (verdict && fresh.dataset.jobId) {
    verdict.textContent = result;
    verdict.className = `badge ${result === "PASSED" ? "ok" : "fail"}`;
  }
  await drawHeatmap();
}

function setStatus(text, link) {
  const status = document.getElementById("run-status");
  if (!status) return;
  status.replaceChildren(document.createTextNode(text));
  if (link) {
    const a = document.createElement("a");
    a.href = link;
    a.textContent = " job page";
    status.append(a);
  }
}

const TERMINAL = ["SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED"];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches the running verification's progress and the grid rows of the nodes collected so far, and puts the rows
 * into the grid in place of the previous run's (or appends them). `active()` says whether the run is still followed.
 */
async function refreshLive(active) {
  const panel = document.getElementById("verification");
  const response = await fetch(panel.dataset.liveUrl, { credentials: "same-origin" });
  if (!response.ok || !active()) return;
  const holder = document.createElement("div");
  holder.innerHTML = await response.text();
  const fresh = holder.querySelector("#verification-live");
  const current = document.getElementById("verification-live");
  if (!fresh || !current || !active()) return;
  const grid = document.getElementById("npu-grid");
  const body = grid?.querySelector("tbody");
  for (const row of fresh.querySelectorAll(".live-rows tr[data-node-id]")) {
    const old = body?.querySelector(`tr[data-node-id="${CSS.escape(row.dataset.nodeId)}"]`);
    if (old) old.replaceWith(row);
    else body?.append(row);
  }
  if (grid && body?.children.length) {
    grid.hidden = false;
    panel.querySelector(".empty")?.remove();
  }
  current.replaceWith(fresh);
  const progress = fresh.querySelector("#live-progress span");
  if (progress) setStatus(progress.textContent, `/jobs/${fresh.dataset.jobId}`);
}

/** Waits (briefly) until the job's verdict is stored, then shows it: the panel and the heat map are redrawn. */
async function finish(jobId, jobStatus) {
  if (["CANCELLED", "INTERRUPTED"].includes(jobStatus)) {
    setStatus(`The verification was ${jobStatus.toLowerCase()}.`, `/jobs/${jobId}`);
    delete document.body.dataset.verifying;
    return;
  }
  const statusUrl = document.getElementById("verification").dataset.statusUrl;
  let status = null;
  // the verdict is stored right after the job's terminal status
  for (let i = 0; i < 40; i++) {
    status = await json(statusUrl).catch(() => null);
    if (status?.verification.jobId === jobId) break;
    await sleep(250);
  }
  await refreshPanel();
  setStatus(`Verification ${status?.verification.result ?? jobStatus}.`, `/jobs/${jobId}`);
  delete document.body.dataset.verifying;
  document.body.dataset.verified = jobId;
}

/** Without the event stream (refused, or a proxy that drops it): poll the status until the job has ended. */
async function poll(jobId) {
  for (;;) {
    await sleep(1000);
    const job = await json(`/api/v1/jobs/${jobId}`).catch(() => null);
    if (job && TERMINAL.includes(job.status)) return finish(jobId, job.status);
    await refreshLive(() => true).catch(() => {});
  }
}

/**
 * Follows a verification job over its event stream (GET /api/v1/jobs/{id}/events; EventSource resumes with
 * Last-Event-ID after a drop): each step event refreshes the progress and the rows of the nodes checked so far, the
 * terminal status event redraws the panel and the heat map from the stored verdict.
 */
function follow(jobId) {
  document.body.dataset.verifying = jobId;
  return new Promise((resolve) => {
    let over = false;
    let timer = null;
    const active = () => !over;
    const source = new EventSource(`/api/v1/jobs/${jobId}/events`);
    const end = (run) => {
      if (over) return;
      over = true;
      source.close();
      clearTimeout(timer);
      run().finally(resolve);
    };
    const soon = () => {
      if (timer || over) return;
      timer = setTimeout(() => {
        timer = null;
        refreshLive(active).catch(() => {});
      }, 150);
    };
    source.addEventListener("step", soon);
    source.addEventListener("status", (event) => {
      const job = JSON.parse(event.data);
      if (TERMINAL.includes(job.status)) end(() => finish(jobId, job.status));
      else soon();
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) end(() => poll(jobId));
    });
  });
}

function wireForm() {
  const form = document.getElementById("run-verification");
  if (!form) return;
  const estimate = document.getElementById("ping-estimate");
  const update = async () => {
    const params = new URLSearchParams({ strategy: form.pingStrategy.value, pingCount: form.pingCount.value || "3" });
    try {
      const e = await json(`${form.dataset.estimateUrl}?${params}`);
      estimate.dataset.pings = e.pings;
      estimate.textContent = `${e.pings} pings will be sent (${e.pingCount} packets each)`;
    } catch {
      estimate.textContent = "";
    }
  };
  form.pingStrategy.addEventListener("change", update);
  form.pingCount.addEventListener("change", update);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const job = await json(form.dataset.jobsUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...csrf() },
        body: JSON.stringify({
          phase: "VERIFY",
          options: { pingStrategy: form.pingStrategy.value, pingCount: Number(form.pingCount.value || 3) },
        }),
      });
      setStatus(`Verification started (${estimate.dataset.pings} pings).`, `/jobs/${job.id}`);
      await follow(job.id);
    } catch (error) {
      setStatus(`Not started: ${error.message}`);
    } finally {
      button.disabled = false;
    }
  });
}

attachGrid(document);
wireForm();
drawHeatmap();
const running = document.getElementById("verification")?.dataset.runningJob;
if (running) follow(running);

// The Ray panel's Bootstrap and Teardown buttons (the panel arrives later, through htmx): confirm, start the job,
// then go to its page.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("#ray-panel .ray-job");
  if (!button || !confirm(button.dataset.confirm)) return;
  const remove = document.querySelector("#ray-panel .ray-remove-containers");
  const options = button.dataset.phase === "TEARDOWN" ? { removeContainers: Boolean(remove?.checked) } : {};
  const response = await fetch(button.dataset.url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", ...csrf() },
    body: JSON.stringify({ phase: button.dataset.phase, options }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    location.href = `/jobs/${body.id}`;
  } else {
    alert(body.detail || body.title || `HTTP ${response.status}`);
  }
});
