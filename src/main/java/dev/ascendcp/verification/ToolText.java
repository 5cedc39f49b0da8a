package dev.ascendcp.verification;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Helpers shared by the parsers: joining stdout and stderr, and recognising the tools' error texts. */
final class ToolText {

    static final String BUSY = "hccn_tool is busy";

    /** Lower-case fragments of error texts printed by hccn_tool, npu-smi, the shell or sudo. */
    private static final List<String> ERRORS = List.of(
            "cmd execute failed",
            "command execute failed",
            "execute failed",
            "the cmd line execute timeout",
            "get invalid",
            "get unknown option",
            "the total count of input parameters is wrong",
            "get device health status failed",
            "the vm does not support",
            "the command is not supported",
            "permission denied",
            "command not found",
            "no such file or directory",
            "invalid card id",
            "error parameter of",
            "usage:",
            "sudo:",
            "the hccn.conf",
            "parsing configurations from config file failed",
            "write configurations to config file failed",
            "control link unreachable",
            "i2c is busy");

    private ToolText() {}

    static String combine(@Nullable String stdout, @Nullable String stderr) {
        String out = stdout == null ? "" : stdout;
        String err = stderr == null ? "" : stderr;
        if (err.isBlank()) {
            return out;
        }
        return out.isEmpty() ? err : out + "\n" + err;
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    static boolean isBusy(String text) {
        return text.contains(BUSY);
    }

    static boolean isInvalidDevice(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("get invalid device id") || lower.contains("the device is not exist");
    }

    static @Nullable String errorLine(String text) {
        for (String line : lines(text)) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String fragment : ERRORS) {
                if (lower.contains(fragment)) {
                    return line.strip();
                }
            }
        }
        return null;
    }

    /** The outcome of an output that carried no value: busy, invalid device, a known error, or unknown. */
    static Outcome failure(String text) {
        if (isBusy(text)) {
            return Outcome.BUSY;
        }
        if (isInvalidDevice(text)) {
            return Outcome.INVALID_DEVICE;
        }
        return errorLine(text) != null ? Outcome.ERROR : Outcome.UNKNOWN;
    }

    /** A token that looks like an address (IPv4, IPv6 or a masked {@code 10.xx.xx.10}); not {@code %s}. */
    static final String ADDRESS = "([0-9A-Za-z][0-9A-Za-z.:]*[0-9A-Za-z])";
}
