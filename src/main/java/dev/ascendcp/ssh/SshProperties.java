package dev.ascendcp.ssh;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SSH settings ({@code ascendcp.ssh.*}).
 *
 * @param connectTimeout TCP connect plus key exchange plus login, per connection (and per jump host)
 * @param commandTimeout default time a command may run before it is killed
 * @param keepAlive interval of SSH keep-alive requests on idle connections
 * @param idleClose a connection unused this long is closed
 * @param outputHeadBytes bytes kept from the start of each output stream
 * @param outputTailBytes bytes kept from the end of each output stream
 * @param maxLineLength characters after which a line passed to a sink is split
 */
@ConfigurationProperties(prefix = "ascendcp.ssh")
@Validated
public record SshProperties(
        @DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("10m") @NotNull Duration commandTimeout,
        @DefaultValue("30s") @NotNull Duration keepAlive,
        @DefaultValue("5m") @NotNull Duration idleClose,
        @DefaultValue("65536") @Min(0) int outputHeadBytes,
        @DefaultValue("65536") @Min(0) int outputTailBytes,
        @DefaultValue("16384") @Min(80) int maxLineLength) {

    /** The defaults above, for code that runs without Spring. */
    public static SshProperties defaults() {
        return new SshProperties(
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                65536,
                65536,
                16384);
    }
}
