package dev.ascendcp.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A POSIX shell command line built from validated parts, never concatenated from strings: every argument is quoted
 * with single quotes when it holds anything the shell would interpret, shell operators are only added by
 * {@link #then}, {@link #and}, {@link #or}, {@link #pipe} and the redirection methods. Arguments added with
 * {@link Builder#secretArg} are rendered as {@code ****} by {@link #toString()} and {@link #forLog()}.
 *
 * <pre>{@code
 * RemoteCommand.builder("hccn_tool").arg("-i").arg(npu).arg("-ip").arg("-g").build()
 *     .and(RemoteCommand.of("cat", "/etc/hccn.conf"));
 * }</pre>
 */
public final class RemoteCommand {

    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9_./+][A-Za-z0-9_./+-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Binding strength, lowest first, as the shell grammar has it. */
    private enum Level {
        LIST,
        AND_OR,
        PIPELINE,
        SIMPLE
    }

    private record Token(String literal, String value, boolean quoted, boolean secret) {
        static Token raw(String literal) {
            return new Token(literal, "", false, false);
        }

        String render() {
            return quoted ? literal + ShellQuoting.quote(value) : literal;
        }

        String renderForLog() {
            return secret ? literal + "****" : render();
        }
    }

    private final List<Token> tokens;
    private final Level level;

    private RemoteCommand(List<Token> tokens, Level level) {
        this.tokens = List.copyOf(tokens);
        this.level = level;
    }

    /** {@code program} with plain (non-secret) arguments. */
    public static RemoteCommand of(String program, String... args) {
        Builder builder = builder(program);
        for (String arg : args) {
            builder.arg(arg);
        }
        return builder.build();
    }

    public static Builder builder(String program) {
        return new Builder(program);
    }

    /** {@code this ; next}: runs {@code next} whatever this command's exit status. */
    public RemoteCommand then(RemoteCommand next) {
        return combine(";", Level.LIST, next);
    }

    /** {@code this && next}. */
    public RemoteCommand and(RemoteCommand next) {
        return combine("&&", Level.AND_OR, next);
    }

    /** {@code this || next}. */
    public RemoteCommand or(RemoteCommand next) {
        return combine("||", Level.AND_OR, next);
    }

    /** {@code this | next}. */
    public RemoteCommand pipe(RemoteCommand next) {
        return combine("|", Level.PIPELINE, next);
    }

    /** {@code > path}. */
    public RemoteCommand redirectStdoutTo(String path) {
        return redirect(">", path);
    }

    /** {@code >> path}. */
    public RemoteCommand appendStdoutTo(String path) {
        return redirect(">>", path);
    }

    /** {@code 2> path}. */
    public RemoteCommand redirectStderrTo(String path) {
        return redirect("2>", path);
    }

    /** {@code < path}. */
    public RemoteCommand stdinFrom(String path) {
        return redirect("<", path);
    }

    /** {@code 2>&1}. */
    public RemoteCommand stderrToStdout() {
        List<Token> out = asOperand(Level.SIMPLE, false);
        out.add(Token.raw("2>&1"));
        return new RemoteCommand(out, Level.SIMPLE);
    }

    /** {@code 2>/dev/null}. */
    public RemoteCommand discardStderr() {
        return redirect("2>", "/dev/null");
    }

    /** The command line for logs and messages: secret arguments as {@code ****}. */
    public String forLog() {
        return tokens.stream().map(Token::renderForLog).collect(Collectors.joining(" "));
    }

    /** The real command line, secrets included: only for sending it; never log it. */
    String render() {
        return tokens.stream().map(Token::render).collect(Collectors.joining(" "));
    }

    boolean hasSecrets() {
        return tokens.stream().anyMatch(Token::secret);
    }

    @Override
    public String toString() {
        return forLog();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RemoteCommand command && command.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    private RemoteCommand combine(String operator, Level opLevel, RemoteCommand next) {
        Objects.requireNonNull(next, "next");
        List<Token> out = asOperand(opLevel, false);
        out.add(Token.raw(operator));
        // && and || associate to the left, so a right operand of the same level needs braces.
        out.addAll(next.asOperand(opLevel, opLevel == Level.AND_OR));
        return new RemoteCommand(out, opLevel);
    }

    private RemoteCommand redirect(String operator, String path) {
        ShellQuoting.rejectNul(Objects.requireNonNull(path, "path"), "redirection path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("redirection path must not be empty");
        }
        List<Token> out = asOperand(Level.SIMPLE, false);
        out.add(new Token(operator + " ", path, true, false));
        return new RemoteCommand(out, Level.SIMPLE);
    }

    private List<Token> asOperand(Level context, boolean bracesOnEqual) {
        boolean braces = level.compareTo(context) < 0 || (bracesOnEqual && level == context);
        List<Token> out = new ArrayList<>();
        if (braces) {
            out.add(Token.raw("{"));
            out.addAll(tokens);
            out.add(Token.raw(";"));
            out.add(Token.raw("}"));
        } else {
            out.addAll(tokens);
        }
        return out;
    }

    /** Collects one simple command: environment assignments, the program and its arguments. */
    public static final class Builder {

        private final List<Token> env = new ArrayList<>();
        private final List<Token> words = new ArrayList<>();

        private Builder(String program) {
            Objects.requireNonNull(program, "program");
            if (!PROGRAM.matcher(program).matches()) {
                throw new IllegalArgumentException("not a valid program name: " + ShellQuoting.quote(program));
            }
            words.add(new Token("", program, true, false));
        }

        /** One argument, passed literally. */
        public Builder arg(String value) {
            return word(value, false);
        }

        /** Several arguments, each passed literally. */
        public Builder args(String... values) {
            for (String value : values) {
                arg(value);
            }
            return this;
        }

        /** One argument passed literally but shown as {@code ****} in logs (a password, a token). */
        public Builder secretArg(String value) {
            return word(value, true);
        }

        /** {@code NAME='value'} in front of the program. */
        public Builder env(String name, String value) {
            return assignment(name, value, false);
        }

        /** {@code NAME='value'} in front of the program, with the value masked in logs. */
        public Builder secretEnv(String name, String value) {
            return assignment(name, value, true);
        }

        public RemoteCommand build() {
            List<Token> all = new ArrayList<>(env);
            all.addAll(words);
            return new RemoteCommand(all, Level.SIMPLE);
        }

        private Builder word(String value, boolean secret) {
            ShellQuoting.rejectNul(Objects.requireNonNull(value, "argument"), "argument");
            words.add(new Token("", value, true, secret));
            return this;
        }

        private Builder assignment(String name, String value, boolean secret) {
            Objects.requireNonNull(name, "name");
            if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a valid environment variable name: " + name);
            }
            ShellQuoting.rejectNul(Objects.requireNonNull(value, "value"), "environment value");
            env.add(new Token(name + "=", value, true, secret));
            return this;
        }
    }
}
