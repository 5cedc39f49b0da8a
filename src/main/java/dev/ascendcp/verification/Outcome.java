package dev.ascendcp.verification;

/** How a query answered: a readable value, an explicit "nothing configured", or one of the failure kinds. */
public enum Outcome {
    /** The output carried the value. */
    OK,
    /** The tool said nothing is configured (no IP, no gateway, no LLDP neighbour, no hccn.conf). */
    NOT_SET,
    /** {@code hccn_tool is busy, please try again.}: the caller should retry this query. */
    BUSY,
    /** {@code Get invalid device id.}: the NPU index does not exist on the node. */
    INVALID_DEVICE,
    /** A known error text (command failed, tool missing, permission denied, ...). */
    ERROR,
    /** Output that could not be read; the raw text is kept. */
    UNKNOWN;

    public boolean retryable() {
        return this == BUSY;
    }
}
