/** Layout, home page, error handling, security configuration and shared web helpers. */
@NullMarked
package dev.ascendcp.web;

import org.jspecify.annotations.NullMarked;
