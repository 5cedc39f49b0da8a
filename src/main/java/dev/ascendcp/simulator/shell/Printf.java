package dev.ascendcp.simulator.shell;

import java.util.List;

/** The {@code printf} utility's format language: {@code %s %d %b %%} and backslash escapes, reused for extra args. */
final class Printf {

    private Printf() {}

    static String format(String format, List<String> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        do {
            int[] used = {0};
            out.append(once(format, args, next, used));
            next += used[0];
            if (used[0] == 0) {
                break;
            }
        } while (next < args.size());
        return out.toString();
    }

    private static String once(String f, List<String> args, int start, int[] used) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\\' && i + 1 < f.length()) {
                i = escape(f, i, out);
            } else if (c == '%' && i + 1 < f.length()) {
                int j = i + 1;
                while (j < f.length() && "-0123456789.".indexOf(f.charAt(j)) >= 0) {
                    j++;
                }
                char conv = j < f.length() ? f.charAt(j) : '%';
                if (conv == '%') {
                    out.append('%');
                } else {
                    String arg = start + used[0] < args.size() ? args.get(start + used[0]) : null;
                    used[0]++;
                    out.append(convert(f.substring(i, j), conv, arg));
                }
                i = j;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String convert(String flags, char conv, String arg) {
        String spec = flags + (conv == 'd' || conv == 'i' ? "d" : "s");
        return switch (conv) {
            case 'd', 'i' -> String.format(spec, parseLong(arg));
            case 'b' -> {
                StringBuilder sb = new StringBuilder();
                String a = arg == null ? "" : arg;
                for (int i = 0; i < a.length(); i++) {
                    if (a.charAt(i) == '\\' && i + 1 < a.length()) {
                        i = escape(a, i, sb);
                    } else {
                        sb.append(a.charAt(i));
                    }
                }
                yield String.format(flags + "s", sb);
            }
            default -> String.format(spec, arg == null ? "" : arg);
        };
    }

    private static long parseLong(String arg) {
        try {
            return arg == null || arg.isEmpty() ? 0 : Long.parseLong(arg.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Appends the escape at {@code f[i]} and returns the index of its last character. */
    private static int escape(String f, int i, StringBuilder out) {
        char n = f.charAt(i + 1);
        switch (n) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '\\' -> out.append('\\');
            case 'a' -> out.append('\u0007');
            case '0' -> out.append('\0');
            default -> out.append('\\').append(n);
        }
        return i + 1;
    }
}
