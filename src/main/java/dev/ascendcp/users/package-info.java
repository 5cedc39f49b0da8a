/** Users of the control plane, their roles and passwords, and the API tokens that act on their behalf. */
@NullMarked
package dev.ascendcp.users;

import org.jspecify.annotations.NullMarked;
