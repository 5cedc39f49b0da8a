/** Stored verifications: one per VERIFY job (the history), the latest per cluster cached in memory. */
@NullMarked
package dev.ascendcp.verification.store;

import org.jspecify.annotations.NullMarked;
