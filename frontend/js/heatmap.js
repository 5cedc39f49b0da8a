// Ping heat map: source NPUs as rows, target NPUs as columns, grouped by node, coloured by packet loss.
// Drawn into one canvas through ImageData, so 64 nodes x 8 NPUs (512 x 512 cells) stay smooth; the words
// (pair, loss, RTT) are one hover away in a tooltip.

const COLOURS = {
  ok: [46, 157, 91],
  partial: [224, 165, 38],
  lost: [214, 69, 69],
  none: [236, 239, 242],
  self: [206, 211, 217],
};

/** Index of every NPU as a matrix row/column, in node order then NPU order. */
export function layout(nodes) {
  const index = new Map();
  const groups = [];
  let position = 0;
  for (const node of nodes) {
    groups.push({ nodeId: node.nodeId, name: node.name, start: position, count: node.npuCount });
    for (let npu = 0; npu < node.npuCount; npu++) {
      index.set(`${node.nodeId}/${npu}`, position++);
    }
  }
  return { index, groups, size: position };
}

/** The colour of one measured pair. */
export function colourFor(result) {
  if (result.lossPercent === null || result.lossPercent === undefined) return COLOURS.none;
  if (result.lossPercent <= 0) return COLOURS.ok;
  if (result.lossPercent >= 100) return COLOURS.lost;
  return COLOURS.partial;
}

/** Builds the cell lookup: row * size + column -> result. */
export function cells(grid, results) {
  const lookup = new Map();
  for (const result of results) {
    const row = grid.index.get(`${result.from.nodeId}/${result.from.npu}`);
    const column = grid.index.get(`${result.to.nodeId}/${result.to.npu}`);
    if (row !== undefined && column !== undefined) lookup.set(row * grid.size + column, result);
  }
  return lookup;
}

function paint(canvas, grid, lookup, cell) {
  const pixels = grid.size * cell;
  canvas.width = pixels;
  canvas.height = pixels;
  const context = canvas.getContext("2d");
  const image = context.createImageData(pixels, pixels);
  const data = image.data;
  const groupOf = new Int32Array(grid.size);
  grid.groups.forEach((group, g) => groupOf.fill(g, group.start, group.start + group.count));
  for (let row = 0; row < grid.size; row++) {
    for (let column = 0; column < grid.size; column++) {
      const result = lookup.get(row * grid.size + column);
      const colour = result ? colourFor(result) : groupOf[row] === groupOf[column] ? COLOURS.self : COLOURS.none;
      for (let dy = 0; dy < cell; dy++) {
        let offset = ((row * cell + dy) * pixels + column * cell) * 4;
        for (let dx = 0; dx < cell; dx++) {
          data[offset] = colour[0];
          data[offset + 1] = colour[1];
          data[offset + 2] = colour[2];
          data[offset + 3] = 255;
          offset += 4;
        }
      }
    }
  }
  context.putImageData(image, 0, 0);
  context.strokeStyle = "rgba(22, 32, 43, 0.55)";
  context.lineWidth = 1;
  for (const group of grid.groups.slice(1)) {
    const at = group.start * cell + 0.5;
    context.beginPath();
    context.moveTo(at, 0);
    context.lineTo(at, pixels);
    context.moveTo(0, at);
    context.lineTo(pixels, at);
    context.stroke();
  }
}

function describe(grid, lookup, row, column) {
  const name = (position) => {
    const group = grid.groups.find((g) => position >= g.start && position < g.start + g.count);
    return group ? `${group.name} NPU ${position - group.start}` : "?";
  };
  const result = lookup.get(row * grid.size + column);
  if (!result) return `${name(row)} → ${name(column)}: not pinged`;
  const rtt = result.avgRttMs === null || result.avgRttMs === undefined ? "no reply" : `${result.avgRttMs.toFixed(3)} ms`;
  return `${name(row)} → ${name(column)} (${result.to.ip ?? ""}): ${result.lossPercent}% loss, avg RTT ${rtt}`;
}

/** Source rows ("node NPU i") whose every measured ping was lost: a red row in the map. */
export function lostRows(grid, results) {
  const rows = new Map();
  for (const r of results) {
    const row = grid.index.get(`${r.from.nodeId}/${r.from.npu}`);
    if (row === undefined) continue;
    const seen = rows.get(row) ?? { all: 0, lost: 0 };
    seen.all++;
    if (r.lossPercent >= 100) seen.lost++;
    rows.set(row, seen);
  }
  const names = [];
  for (const [row, seen] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
    if (seen.all > 0 && seen.lost === seen.all) {
      const group = grid.groups.find((g) => row >= g.start && row < g.start + g.count);
      names.push(`${group.name} NPU ${row - group.start}`);
    }
  }
  return names;
}

/**
 * Draws the heat map into `container` (which gets a canvas and a tooltip) and returns the time it took in ms.
 * `nodes` is [{nodeId, name, npuCount}], `results` the ping-matrix endpoint's `results`.
 */
export function renderHeatmap(container, nodes, results, { maxPixels = 1024 } = {}) {
  const started = performance.now();
  const grid = layout(nodes);
  const lookup = cells(grid, results);
  container.replaceChildren();
  if (grid.size === 0 || results.length === 0) {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = "No ping results yet: run a verification to measure the NPU network.";
    container.append(empty);
    return performance.now() - started;
  }
  const cell = Math.max(1, Math.min(24, Math.floor(maxPixels / grid.size)));
  const canvas = document.createElement("canvas");
  canvas.className = "heatmap-canvas";
  canvas.setAttribute("role", "img");
  const failed = results.filter((r) => r.lossPercent > 0).length;
  canvas.setAttribute("aria-label", `Ping heat map: ${results.length} pairs, ${failed} with loss`);
  const tooltip = document.createElement("div");
  tooltip.className = "heatmap-tooltip";
  tooltip.hidden = true;
  container.append(canvas, tooltip);
  paint(canvas, grid, lookup, cell);
  canvas.addEventListener("mousemove", (event) => {
    const bounds = canvas.getBoundingClientRect();
    const scale = canvas.width / bounds.width;
    const column = Math.floor(((event.clientX - bounds.left) * scale) / cell);
    const row = Math.floor(((event.clientY - bounds.top) * scale) / cell);
    if (row < 0 || column < 0 || row >= grid.size || column >= grid.size) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = describe(grid, lookup, row, column);
    tooltip.style.left = `${event.clientX - bounds.left + 12}px`;
    tooltip.style.top = `${event.clientY - bounds.top + 12}px`;
    tooltip.hidden = false;
  });
  canvas.addEventListener("mouseleave", () => (tooltip.hidden = true));
  const lost = lostRows(grid, results);
  container.dataset.pairs = String(results.length);
  container.dataset.lossy = String(failed);
  container.dataset.lostRows = lost.join(",");
  container.dataset.cell = String(cell);
  const elapsed = performance.now() - started;
  container.dataset.renderMs = elapsed.toFixed(1);
  return elapsed;
}
