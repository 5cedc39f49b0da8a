package dev.ascendcp.verification.metrics;

import java.util.List;

/** One value of one gauge: the label values in the order of the gauge's label keys. */
record MetricSample(NpuMetric metric, List<String> labels, double value) {

    MetricSample {
        if (labels.size() != metric.labels.keys.size()) {
            throw new IllegalArgumentException(metric + " takes labels " + metric.labels.keys + ", got " + labels);
        }
        labels = List.copyOf(labels);
    }
}
