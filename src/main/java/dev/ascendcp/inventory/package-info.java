/** The inventory: nodes, clusters, encrypted SSH credentials, pinned host keys and inventory import. */
@NullMarked
package dev.ascendcp.inventory;

import org.jspecify.annotations.NullMarked;
