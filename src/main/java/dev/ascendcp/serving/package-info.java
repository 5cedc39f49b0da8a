/** The Serve phase: plan validation, vLLM launch, readiness, smoke test, endpoint monitoring and the playground. */
@NullMarked
package dev.ascendcp.serving;

import org.jspecify.annotations.NullMarked;
