package dev.ascendcp.verification.store;

import dev.ascendcp.verification.ClusterVerification;
import java.util.Map;
import java.util.UUID;

/** The JSON text kept per verification: node ids by name and the verdict with the ping results left out. */
record StoredBody(Map<String, UUID> nodeIds, ClusterVerification verification) {}
