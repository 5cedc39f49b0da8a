package dev.ascendcp.verification;

import java.util.Map;
import java.util.Optional;

/** {@code cat /etc/hccn.conf}: device index to its persisted NIC settings (sorted by index). */
public record HccnConf(Outcome outcome, Map<Integer, HccnConfEntry> devices, String raw) {

    public Optional<HccnConfEntry> device(int index) {
        return Optional.ofNullable(devices.get(index));
    }
}
