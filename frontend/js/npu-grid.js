// NPU grid: hovering or clicking a cell shows the NPU's IP, link, health, LLDP port, gateway, netdetect and problems.

const FIELDS = [
  ["ip", "IP"],
  ["link", "Link"],
  ["health", "Net health"],
  ["lldp", "LLDP switch port"],
  ["gateway", "Gateway"],
  ["netdetect", "Netdetect"],
];

/** The lines describing one cell, from its data attributes. */
export function describeCell(dataset) {
  const lines = [`NPU ${dataset.npu} on ${dataset.node}: ${dataset.verdict}`];
  for (const [key, label] of FIELDS) {
    lines.push(`${label}: ${dataset[key] || "unknown"}`);
  }
  const problems = (dataset.problems || "").split("||").filter((p) => p.trim() !== "");
  return { lines, problems };
}

function show(detail, cell) {
  const { lines, problems } = describeCell(cell.dataset);
  detail.replaceChildren();
  const title = document.createElement("strong");
  title.textContent = lines[0];
  const list = document.createElement("dl");
  for (const line of lines.slice(1)) {
    const [label, ...rest] = line.split(": ");
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = rest.join(": ");
    list.append(dt, dd);
  }
  detail.append(title, list);
  if (problems.length > 0) {
    const ul = document.createElement("ul");
    for (const problem of problems) {
      const li = document.createElement("li");
      li.textContent = problem;
      ul.append(li);
    }
    detail.append(ul);
  }
  detail.hidden = false;
}

/** Wires the grid inside `root` (the verification panel); safe to call again after the panel was replaced. */
export function attachGrid(root) {
  const grid = root.querySelector("#npu-grid");
  const detail = root.querySelector("#npu-detail");
  if (!grid || !detail) return;
  let pinned = null;
  grid.addEventListener("mouseover", (event) => {
    const cell = event.target.closest(".npu-cell[data-npu]");
    if (cell && !pinned) show(detail, cell);
  });
  grid.addEventListener("click", (event) => {
    const cell = event.target.closest(".npu-cell[data-npu]");
    if (!cell) return;
    pinned = pinned === cell ? null : cell;
    grid.querySelectorAll(".npu-cell.pinned").forEach((c) => c.classList.remove("pinned"));
    if (pinned) pinned.classList.add("pinned");
    show(detail, cell);
  });
}
