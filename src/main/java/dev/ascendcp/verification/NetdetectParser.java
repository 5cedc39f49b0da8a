package dev.ascendcp.verification;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code netdetect address: <ip>} (A2/A3) and {@code netdetect addr: <ip>} (new tool); 0.0.0.0 is NOT_SET. */
public final class NetdetectParser {

    private static final Pattern ADDRESS = Pattern.compile("netdetect addr(?:ess)?:\\s*" + ToolText.ADDRESS);

    private NetdetectParser() {}

    public static NetdetectInfo parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        String address = IpParser.first(ADDRESS, raw);
        if (address == null) {
            return new NetdetectInfo(ToolText.failure(raw), null, raw);
        }
        if (address.equals("0.0.0.0") || address.equals("::")) {
            return new NetdetectInfo(Outcome.NOT_SET, null, raw);
        }
        return new NetdetectInfo(Outcome.OK, address, raw);
    }
}
