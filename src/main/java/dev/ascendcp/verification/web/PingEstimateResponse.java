package dev.ascendcp.verification.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** How many pings a VERIFY run with this strategy sends, from the inventory's NPU counts. */
@Schema(name = "PingEstimate")
record PingEstimateResponse(String strategy, int pingCount, int pings, int nodes, int npus) {}
