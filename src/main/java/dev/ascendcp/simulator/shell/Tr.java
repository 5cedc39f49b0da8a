package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code tr [-d] SET1 [SET2]} with ranges such as {@code a-z}. */
final class Tr {

    private Tr() {}

    static int run(Call call) throws IOException {
        boolean delete = !call.args().isEmpty() && call.args().get(0).equals("-d");
        int first = delete ? 1 : 0;
        if (call.args().size() < first + (delete ? 1 : 2)) {
            return call.fail(1, "tr: missing operand");
        }
        String set1 = expand(call.args().get(first));
        String set2 = delete ? "" : expand(call.args().get(first + 1));
        String text = new String(call.in().readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            int k = set1.indexOf(c);
            if (k < 0) {
                out.append(c);
            } else if (!delete) {
                out.append(set2.isEmpty() ? c : set2.charAt(Math.min(k, set2.length() - 1)));
            }
        }
        call.out(out.toString());
        return 0;
    }

    private static String expand(String set) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            if (c == '\\' && i + 1 < set.length()) {
                char n = set.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                for (char x = c; x <= set.charAt(i + 2); x++) {
                    sb.append(x);
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
