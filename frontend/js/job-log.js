// The live log of a job page: follows /api/v1/jobs/{id}/events over SSE (EventSource resumes with Last-Event-ID),
// filters by node, auto-scrolls unless paused, and tells the grid fragment to refresh on step and status events.
// A step that outgrew its stored log has a marker line (a log event with "dropped": {lines, bytes}) where the dropped
// middle was; its newer versions come without an event id and replace it, by its seq, wherever it stands.
const pre = document.getElementById("job-log");
const nodeSelect = document.getElementById("log-node");
const follow = document.getElementById("log-follow");
const download = document.getElementById("log-download");

if (pre) {
  const lines = [];
  const grouped = (n) => Number(n).toLocaleString("en-US").replace(/,/g, "\u202f");
  const markerText = (line) => `${line.at} ${line.nodeName ?? "-"} | … ${grouped(line.dropped.lines)} lines `
    + `(${grouped(line.dropped.bytes)} bytes) dropped from the stored log …\n`;
  const render = (line) => {
    if (nodeSelect.value && line.nodeName !== nodeSelect.value) {
      return;
    }
    if (line.dropped) {
      const marker = document.createElement("span");
      marker.className = "log-dropped";
      marker.dataset.seq = line.seq;
      marker.textContent = markerText(line);
      pre.append(marker);
      return;
    }
    pre.append(`${line.at} ${line.nodeName ?? "-"} | ${line.text}\n`);
  };
  // Puts a marker line at its place by seq, replacing an older version of it; answers whether it was the last line.
  const placeMarker = (line) => {
    const index = lines.findIndex((other) => other.seq >= line.seq);
    if (index < 0) {
      lines.push(line);
      return true;
    }
    lines.splice(index, lines[index].seq === line.seq ? 1 : 0, line);
    return false;
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
    if (line.dropped) {
      const shown = pre.querySelector(`span.log-dropped[data-seq="${Number(line.seq)}"]`);
      const last = placeMarker(line);
      if (nodeSelect.value && line.nodeName !== nodeSelect.value) {
        return; // filtered out: kept in place for when the filter changes, nothing to draw now
      }
      if (shown) {
        shown.textContent = markerText(line); // a newer count of a marker already on screen
      } else if (last) {
        render(line);
        scroll();
      } else {
        rerender();
      }
      return;
    }
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
