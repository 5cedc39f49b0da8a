/** Runs commands on cluster nodes over SSH: the {@link dev.ascendcp.ssh.RemoteExecutor} port, its value types and the sshj adapter. */
@NullMarked
package dev.ascendcp.ssh;

import org.jspecify.annotations.NullMarked;
