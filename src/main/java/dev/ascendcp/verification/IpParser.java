package dev.ascendcp.verification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code ipaddr:<ip>} / {@code netmask:<mask>}; "no ip was preset" (both tool generations) is NOT_SET. */
public final class IpParser {

    private static final Pattern ADDRESS = Pattern.compile("(?<!vnic )ipaddr:\\s*" + ToolText.ADDRESS);
    private static final Pattern NETMASK = Pattern.compile("(?<!vnic )netmask:\\s*" + ToolText.ADDRESS);
    private static final Pattern IPV6 = Pattern.compile("ipv6_address:\\s*([0-9A-Fa-f:.]+)");
    private static final Pattern PREFIX = Pattern.compile("prefix_length:\\s*(\\d{1,3})");

    private IpParser() {}

    public static IpInfo parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        String address = first(ADDRESS, raw);
        String ipv6 = first(IPV6, raw);
        if (address == null && ipv6 == null) {
            Outcome outcome = raw.contains("no ip was preset") ? Outcome.NOT_SET : ToolText.failure(raw);
            return new IpInfo(outcome, null, null, null, null, raw);
        }
        String prefix = first(PREFIX, raw);
        return new IpInfo(
                Outcome.OK, address, first(NETMASK, raw), ipv6, prefix == null ? null : Integer.valueOf(prefix), raw);
    }

    static @Nullable String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
