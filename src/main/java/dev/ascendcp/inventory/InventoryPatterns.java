package dev.ascendcp.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The value rules of the inventory, usable without Bean Validation (e.g. by the phases before they build a command
 * line). All patterns are ASCII only: look-alike letters (Cyrillic {@code а}) and fullwidth digits never match.
 */
public final class InventoryPatterns {

    static final Pattern RESOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern NIC_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,14}");
    static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{1,127}");
    static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9_.:/@+-]{0,128}");
    static final Pattern DOCKER_SIZE = Pattern.compile("[1-9][0-9]{0,6}(b|k|m|g|kb|mb|gb)?", Pattern.CASE_INSENSITIVE);
    static final Pattern EXTRA_ARG = Pattern.compile("--[a-z0-9][a-z0-9-]*(=[^\\s;&|`$<>]*)?");
    static final Pattern SERVED_MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    private static final Pattern HF_REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(/[A-Za-z0-9._+@-]+)+/?|/");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern OCI_REFERENCE = ociReference();

    private InventoryPatterns() {}

    /** An RFC 1123 host name (not an IP literal; a name whose last label is all digits is refused). */
    public static boolean isHostname(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > 253) {
            return false;
        }
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A host name or an IP literal. */
    public static boolean isHost(@Nullable String value) {
        return isHostname(value) || isIpLiteral(value);
    }

    public static boolean isIpv4(@Nullable String value) {
        return value != null && IPV4.matcher(value).matches();
    }

    /** An IPv4 or IPv6 literal (no zone id, no brackets), parsed without any DNS lookup. */
    public static boolean isIpLiteral(@Nullable String value) {
        if (isIpv4(value)) {
            return true;
        }
        if (value == null || !IPV6_CHARS.matcher(value).matches() || value.indexOf(':') < 0 || value.charAt(0) == '.') {
            return false;
        }
        try {
            // Starting with a hex digit or ':', holding a ':' and only hex digits, ':' and '.', the string is parsed
            // as an IPv6 literal (or refused) by the JDK: it is never resolved. IPv4-mapped forms come back as IPv4.
            return InetAddress.getByName(value) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static boolean isResourceName(@Nullable String value) {
        return matches(RESOURCE_NAME, value);
    }

    public static boolean isNicName(@Nullable String value) {
        return matches(NIC_NAME, value);
    }

    public static boolean isContainerName(@Nullable String value) {
        return matches(CONTAINER_NAME, value);
    }

    public static boolean isEnvName(@Nullable String value) {
        return matches(ENV_NAME, value);
    }

    /** An environment value: at most 4096 characters, no NUL, CR or LF. */
    public static boolean isEnvValue(@Nullable String value) {
        return value != null
                && value.length() <= 4096
                && value.chars().noneMatch(c -> c == 0 || c == '\n' || c == '\r');
    }

    public static boolean isUsername(@Nullable String value) {
        return matches(USERNAME, value);
    }

    public static boolean isLabelKey(@Nullable String value) {
        return matches(LABEL_KEY, value);
    }

    public static boolean isLabelValue(@Nullable String value) {
        return matches(LABEL_VALUE, value);
    }

    /** A docker size such as {@code 10g} or {@code 512m}. */
    public static boolean isDockerSize(@Nullable String value) {
        return matches(DOCKER_SIZE, value);
    }

    /** The vLLM flags a cluster's own serve fields set; an extra argument may not set them again. */
    public static final Set<String> VLLM_SPEC_FLAGS = Set.of(
            "--model",
            "--served-model-name",
            "--port",
            "--host",
            "--tensor-parallel-size",
            "--pipeline-parallel-size",
            "--distributed-executor-backend",
            "--enforce-eager",
            "--trust-remote-code");

    /** One extra vLLM argument, {@code --flag} or {@code --flag=value} without shell metacharacters. */
    public static boolean isExtraArg(@Nullable String value) {
        return value != null
                && value.length() <= 512
                && EXTRA_ARG.matcher(value).matches();
    }

    public static boolean isServedModelName(@Nullable String value) {
        return matches(SERVED_MODEL_NAME, value);
    }

    /** A Hugging Face repo id ({@code org/name} or {@code name}) or an absolute path without {@code ..}. */
    public static boolean isModelRef(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > 256) {
            return false;
        }
        return value.startsWith("/")
                ? isAbsolutePath(value)
                : HF_REPO.matcher(value).matches();
    }

    /** An absolute path of safe characters with no {@code .} or {@code ..} segment. */
    public static boolean isAbsolutePath(@Nullable String value) {
        if (value == null
                || value.length() > 1024
                || !ABSOLUTE_PATH.matcher(value).matches()) {
            return false;
        }
        for (String segment : value.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** A bind mount {@code /src:/dst} or {@code /src:/dst:ro|rw}, both absolute without {@code ..}. */
    public static boolean isMount(@Nullable String value) {
        if (value == null || value.length() > 2048) {
            return false;
        }
        String[] parts = value.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return false;
        }
        if (parts.length == 3 && !parts[2].equals("ro") && !parts[2].equals("rw")) {
            return false;
        }
        return isAbsolutePath(parts[0]) && isAbsolutePath(parts[1]);
    }

    /** An OCI image reference by the distribution grammar: {@code [registry[:port]/]path[:tag][@sha256:hex]}. */
    public static boolean isOciImage(@Nullable String value) {
        return value != null
                && value.length() <= 512
                && OCI_REFERENCE.matcher(value).matches();
    }

    private static boolean matches(Pattern pattern, @Nullable String value) {
        return value != null && pattern.matcher(value).matches();
    }

    private static Pattern ociReference() {
        String alphaNumeric = "[a-z0-9]+";
        String separator = "(?:[._]|__|-+)";
        String pathComponent = alphaNumeric + "(?:" + separator + alphaNumeric + ")*";
        String domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
        String domain = domainComponent + "(?:\\." + domainComponent + ")*(?::[0-9]{1,5})?";
        String name = "(?:" + domain + "/)?" + pathComponent + "(?:/" + pathComponent + ")*";
        String tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
        String digest = "sha256:[a-f0-9]{64}";
        return Pattern.compile(name + "(?::" + tag + ")?(?:@" + digest + ")?");
    }
}
