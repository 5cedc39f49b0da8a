/** REST endpoints and server-rendered pages of the jobs module. */
@NullMarked
package dev.ascendcp.jobs.web;

import org.jspecify.annotations.NullMarked;
