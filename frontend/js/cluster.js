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

/** Polls the status while a job runs; refreshes the panel and the heat map when its verdict is stored. */
async function follow(jobId) {
  const panel = document.getElementById("verification");
  const statusUrl = panel.dataset.statusUrl;
  document.body.dataset.verifying = jobId;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let status;
    try {
      status = await json(statusUrl);
    } catch {
      continue;
    }
    const running = status.verification.running;
    if (status.verification.jobId === jobId) break;
    if (running && running.jobId === jobId) {
      setStatus(
        running.stage === "pinging"
          ? `Pinging: ${running.pingsDone} of ${running.pingsPlanned} pings done.`
          : `Collecting every NPU; ${running.pingsPlanned} pings to follow.`,
        `/jobs/${jobId}`,
      );
      continue;
    }
    const job = await json(`/api/v1/jobs/${jobId}`);
    if (["CANCELLED", "INTERRUPTED"].includes(job.status)) {
      setStatus(`The verification was ${job.status.toLowerCase()}.`, `/jobs/${jobId}`);
      delete document.body.dataset.verifying;
      return;
    }
  }
  await refreshPanel();
  const status = await json(statusUrl);
  setStatus(`Verification ${status.verification.result}.`, `/jobs/${jobId}`);
  delete document.body.dataset.verifying;
  document.body.dataset.verified = jobId;
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
