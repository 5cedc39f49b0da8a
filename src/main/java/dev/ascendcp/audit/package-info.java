/** The audit trail: who did what, when (logins, inventory changes, jobs, host-key trusts). */
@NullMarked
package dev.ascendcp.audit;

import org.jspecify.annotations.NullMarked;
