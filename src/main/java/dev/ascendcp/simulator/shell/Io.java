package dev.ascendcp.simulator.shell;

import java.io.InputStream;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/** Standard input, output and error of a command; {@code hold} is set while they are the SSH channel's. */
public record Io(
        InputStream in,
        OutputStream out,
        OutputStream err,
        @Nullable ChannelHold hold) {

    Io withOut(OutputStream o) {
        return new Io(in, o, err, hold);
    }

    Io withErr(OutputStream e) {
        return new Io(in, out, e, hold);
    }

    Io withIn(InputStream i) {
        return new Io(i, out, err, hold);
    }
}
