package dev.ascendcp.ssh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Remembers every host-key event, in order; refuses first-seen keys of the target ids in {@link #refuse}. */
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
    final java.util.Set<String> refuse = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean onFirstSeen(String targetId, String algorithm, String fingerprint, String base64) {
        firstSeen.add(new FirstSeen(targetId, algorithm, fingerprint, base64));
        return !refuse.contains(targetId);
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
