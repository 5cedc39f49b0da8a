package dev.ascendcp.ssh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Remembers every host-key event, in order. */
final class RecordingHostKeyListener implements HostKeyListener {

    record FirstSeen(String targetId, String algorithm, String fingerprint, String base64) {}

    record Mismatch(
            String targetId,
            @Nullable String expectedFingerprint,
            String offeredAlgorithm,
            String offeredFingerprint,
            String offeredBase64) {}

    final List<FirstSeen> firstSeen = new CopyOnWriteArrayList<>();
    final List<Mismatch> mismatches = new CopyOnWriteArrayList<>();

    @Override
    public void onFirstSeen(String targetId, String algorithm, String fingerprint, String base64) {
        firstSeen.add(new FirstSeen(targetId, algorithm, fingerprint, base64));
    }

    @Override
    public void onMismatch(
            String targetId,
            @Nullable String expectedFingerprint,
            String offeredAlgorithm,
            String offeredFingerprint,
            String offeredBase64) {
        mismatches.add(
                new Mismatch(targetId, expectedFingerprint, offeredAlgorithm, offeredFingerprint, offeredBase64));
    }
}
