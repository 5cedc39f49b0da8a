package dev.ascendcp.jobs.web;

import org.springframework.context.ApplicationContext;

/** What tests of other packages may observe of the SSE viewers: slots taken and pump threads busy. */
public final class JobEventStreamsProbe {

    private final JobEventStreams streams;

    public JobEventStreamsProbe(ApplicationContext context) {
        this.streams = context.getBean(JobEventStreams.class);
    }

    public int viewers() {
        return streams.viewers();
    }

    public int pumpsBusy() {
        return streams.pumpsBusy();
    }
}
