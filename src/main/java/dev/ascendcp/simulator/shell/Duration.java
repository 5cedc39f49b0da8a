package dev.ascendcp.simulator.shell;

/** Parses {@code sleep}/{@code timeout} intervals: a number with an optional {@code s m h d} suffix. */
final class Duration {

    private Duration() {}

    static double parseSeconds(String s) {
        if (s.isEmpty()) {
            throw new NumberFormatException(s);
        }
        char unit = s.charAt(s.length() - 1);
        double factor = switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 0;
        };
        if (factor == 0) {
            return Double.parseDouble(s);
        }
        return Double.parseDouble(s.substring(0, s.length() - 1)) * factor;
    }
}
