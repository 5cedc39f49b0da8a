/** The cluster status and ping-matrix API, the cluster dashboard and the clusters overview (home page). */
@NullMarked
package dev.ascendcp.verification.web;

import org.jspecify.annotations.NullMarked;
