package dev.ascendcp.simulator.shell;

import org.jspecify.annotations.Nullable;

/** One lexical token: a word, an operator ({@code ; & && || | ( ) newline}) or a redirection. */
record Token(Type type, String op, @Nullable Word word, int fd) {

    enum Type {
        WORD,
        OP,
        REDIRECT,
        EOF
    }

    static Token word(Word w) {
        return new Token(Type.WORD, "", w, -1);
    }

    static Token op(String op) {
        return new Token(Type.OP, op, null, -1);
    }

    boolean isOp(String o) {
        return type == Type.OP && op.equals(o);
    }
}
