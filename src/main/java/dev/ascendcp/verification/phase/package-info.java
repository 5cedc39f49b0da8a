/** The VERIFY job: collection and ping steps over SSH, busy retries, and the verdict recorded when the job ends. */
@NullMarked
package dev.ascendcp.verification.phase;

import org.jspecify.annotations.NullMarked;
