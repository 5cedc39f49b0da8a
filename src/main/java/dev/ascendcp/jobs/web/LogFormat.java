package dev.ascendcp.jobs.web;

import dev.ascendcp.jobs.LogLine;

/** The text form of a log line: {@code timestamp node-name | text}. */
final class LogFormat {

    private LogFormat() {}

    static String line(LogLine line) {
        return line.at() + " " + (line.nodeName() == null ? "-" : line.nodeName()) + " | " + line.text();
    }
}
