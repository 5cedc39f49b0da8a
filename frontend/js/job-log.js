// The live log of a job page: follows /api/v1/jobs/{id}/events over SSE (EventSource resumes with Last-Event-ID),
// filters by node, auto-scrolls unless paused, and tells the grid fragment to refresh on step and status events.
const pre = document.getElementById("job-log");
const nodeSelect = document.getElementById("log-node");
const follow = document.getElementById("log-follow");
const download = document.getElementById("log-download");

if (pre) {
  const lines = [];
  const render = (line) => {
    if (nodeSelect.value && line.nodeName !== nodeSelect.value) {
      return;
    }
    pre.append(`${line.at} ${line.nodeName ?? "-"} | ${line.text}\n`);
  };
  const rerender = () => {
    pre.textContent = "";
    lines.forEach(render);
    scroll();
  };
  const scroll = () => {
    if (follow.checked) {
      pre.scrollTop = pre.scrollHeight;
    }
  };
  nodeSelect.addEventListener("change", () => {
    const base = download.href.split("&node=")[0];
    download.href = nodeSelect.value ? `${base}&node=${encodeURIComponent(nodeSelect.value)}` : base;
    rerender();
  });
  pre.addEventListener("wheel", () => {
    if (pre.scrollTop + pre.clientHeight < pre.scrollHeight - 4) {
      follow.checked = false;
    }
  });

  const source = new EventSource(pre.dataset.events);
  source.addEventListener("log", (event) => {
    const line = JSON.parse(event.data);
    lines.push(line);
    render(line);
    scroll();
  });
  const changed = () => document.body.dispatchEvent(new CustomEvent("job-changed"));
  const terminal = ["SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED"];
  // The page was rendered for a job still running: reload once it ends, for its final buttons. A finished job's
  // replayed final status must not reload it again (and again).
  const renderedRunning = !terminal.includes(document.querySelector("#job-grid .status")?.textContent.trim());
  source.addEventListener("step", changed);
  source.addEventListener("status", (event) => {
    changed();
    const status = JSON.parse(event.data).status;
    if (terminal.includes(status)) {
      source.close();
      if (renderedRunning) {
        window.setTimeout(() => window.location.reload(), 800);
      }
    }
  });
}
