package dev.ascendcp.serving;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/** The state the Serve steps of one job share through the job's attributes. */
final class ServeAttributes {

    private static final String MISSING = "serving.modelMissingOn";
    private static final String WARNINGS = "serving.warnings";
    private static final String PID = "serving.pid";

    private ServeAttributes() {}

    @SuppressWarnings("unchecked")
    static Set<String> missingOn(ConcurrentMap<String, Object> attributes) {
        return (Set<String>) attributes.computeIfAbsent(MISSING, k -> new ConcurrentSkipListSet<String>());
    }

    @SuppressWarnings("unchecked")
    static List<String> warnings(ConcurrentMap<String, Object> attributes) {
        return (List<String>) attributes.computeIfAbsent(WARNINGS, k -> new CopyOnWriteArrayList<String>());
    }

    static void pid(ConcurrentMap<String, Object> attributes, long pid) {
        attributes.put(PID, pid);
    }

    static long pid(ConcurrentMap<String, Object> attributes) {
        Object pid = attributes.get(PID);
        return pid instanceof Long value ? value : -1;
    }
}
