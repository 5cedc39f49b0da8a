/** The demo profile: a simulated Ascend cluster registered in the inventory, ready to click through. */
@NullMarked
package dev.ascendcp.demo;

import org.jspecify.annotations.NullMarked;
