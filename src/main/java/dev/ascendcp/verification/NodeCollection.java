package dev.ascendcp.verification;

import java.util.List;

/**
 * Everything collected from one node, parsed. {@code busy} lists the sections that answered busy (ask them again with
 * {@link CollectionScript#retry}); {@code missing} those that never completed (their parse results are UNKNOWN).
 */
public record NodeCollection(
        NpuSmiInfo npuSmi, HccnConf hccnConf, List<NpuQueries> npus, List<SectionKey> busy, List<SectionKey> missing) {}
