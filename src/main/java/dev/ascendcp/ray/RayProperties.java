package dev.ascendcp.ray;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the Bootstrap and Teardown phases ({@code ascendcp.ray.*}).
 *
 * @param processLogPath {@code ASCEND_PROCESS_LOG_PATH} inside the container (CANN's plog directory)
 * @param minShmSize the smallest {@code /dev/shm} a container may have (Ray's object store lives there)
 * @param commandTimeout the longest a quick command (docker inspect, ip, ss, npu-smi) may take
 * @param pullTimeout the longest {@code docker pull} may take
 * @param rayStartTimeout the longest one {@code ray start} or {@code ray stop} may take
 * @param postCheckWait how long the post-check waits for every node to register with the head
 * @param keepAliveCommand what keeps a detached container running
 */
@ConfigurationProperties(prefix = "ascendcp.ray")
@Validated
public record RayProperties(
        @DefaultValue("/root/ascend/log") @NotBlank @Pattern(regexp = "/[A-Za-z0-9_./-]*")
        String processLogPath,

        @DefaultValue("1GB") @NotNull DataSize minShmSize,
        @DefaultValue("60s") @NotNull Duration commandTimeout,
        @DefaultValue("30m") @NotNull Duration pullTimeout,
        @DefaultValue("3m") @NotNull Duration rayStartTimeout,
        @DefaultValue("30s") @NotNull Duration postCheckWait,
        @DefaultValue("sleep infinity") @NotBlank String keepAliveCommand) {}
