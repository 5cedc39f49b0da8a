package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Word.Kind;
import dev.ascendcp.simulator.shell.Word.Part;
import java.util.ArrayList;
import java.util.List;

/** Splits a command line into tokens following the POSIX quoting rules ({@code '…'}, {@code "…"}, {@code \}). */
final class Lexer {

    private final String src;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                tokens.add(new Token(Token.Type.EOF, "", null, -1));
                return;
            }
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                operator(c);
            } else if (c == '>' || c == '<' || (Character.isDigit(c) && isRedirectAfterDigit())) {
                redirect();
            } else {
                tokens.add(Token.word(word()));
            }
        }
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                return;
            }
        }
    }

    private void operator(char c) {
        String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
        if (two.equals("&&") || two.equals("||") || two.equals(";;")) {
            tokens.add(Token.op(two));
            pos += 2;
        } else {
            tokens.add(Token.op(String.valueOf(c)));
            pos++;
        }
    }

    private boolean isRedirectAfterDigit() {
        return pos + 1 < src.length() && (src.charAt(pos + 1) == '>' || src.charAt(pos + 1) == '<');
    }

    private void redirect() {
        int fd = -1;
        if (Character.isDigit(src.charAt(pos))) {
            fd = src.charAt(pos) - '0';
            pos++;
        }
        String op = String.valueOf(src.charAt(pos++));
        if (pos < src.length() && (src.charAt(pos) == '>' || src.charAt(pos) == '&') && op.equals(">")) {
            op += src.charAt(pos++);
        }
        if (fd < 0) {
            fd = op.equals("<") ? 0 : 1;
        }
        skipBlanks();
        if (pos >= src.length()) {
            throw new SyntaxError("Syntax error: newline unexpected");
        }
        tokens.add(new Token(Token.Type.REDIRECT, op, word(), fd));
    }

    private Word word() {
        List<Part> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (" \t\r\n;&|()<>".indexOf(c) >= 0) {
                break;
            }
            if (c == '\'') {
                flush(parts, plain);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new SyntaxError("Syntax error: Unterminated quoted string");
                }
                parts.add(new Part(src.substring(pos + 1, end), Kind.QUOTED));
                pos = end + 1;
            } else if (c == '"') {
                flush(parts, plain);
                pos++;
                doubleQuoted(parts);
            } else if (c == '\\') {
                flush(parts, plain);
                if (pos + 1 < src.length()) {
                    parts.add(new Part(String.valueOf(src.charAt(pos + 1)), Kind.QUOTED));
                }
                pos += 2;
            } else if (c == '$' && variableStarts()) {
                flush(parts, plain);
                parts.add(new Part(variableName(), Kind.VAR));
            } else {
                plain.append(c);
                pos++;
            }
        }
        flush(parts, plain);
        return new Word(List.copyOf(parts));
    }

    private void doubleQuoted(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxError("Syntax error: Unterminated quoted string");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                if (src.charAt(pos + 1) != '\n') {
                    text.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$' && variableStarts()) {
                parts.add(new Part(text.toString(), Kind.QUOTED));
                text.setLength(0);
                parts.add(new Part(variableName(), Kind.QUOTED_VAR));
            } else {
                text.append(c);
                pos++;
            }
        }
        parts.add(new Part(text.toString(), Kind.QUOTED));
    }

    private boolean variableStarts() {
        if (pos + 1 >= src.length()) {
            return false;
        }
        char n = src.charAt(pos + 1);
        return n == '{' || n == '$' || n == '?' || n == '!' || n == '#' || Character.isLetterOrDigit(n) || n == '_';
    }

    private String variableName() {
        pos++; // '$'
        char n = src.charAt(pos);
        if (n == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw new SyntaxError("Syntax error: Missing '}'");
            }
            String name = src.substring(pos + 1, end);
            pos = end + 1;
            return name;
        }
        if (n == '$' || n == '?' || n == '!' || n == '#' || Character.isDigit(n)) {
            pos++;
            return String.valueOf(n);
        }
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static void flush(List<Part> parts, StringBuilder plain) {
        if (!plain.isEmpty()) {
            parts.add(new Part(plain.toString(), Kind.PLAIN));
            plain.setLength(0);
        }
    }
}
