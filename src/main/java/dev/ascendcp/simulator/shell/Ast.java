package dev.ascendcp.simulator.shell;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The syntax tree of a command line. */
final class Ast {

    private Ast() {}

    sealed interface Node permits Simple, Pipeline, AndOr, Sequence, ForLoop, IfElse, WhileLoop, Group {}

    record Redirect(int fd, String op, Word target) {}

    record Assignment(String name, Word value) {}

    record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects) implements Node {}

    record Pipeline(List<Node> stages, boolean negated) implements Node {}

    /** {@code left && right} or {@code left || right}. */
    record AndOr(Node left, String op, Node right) implements Node {}

    record Item(Node node, boolean background) {}

    record Sequence(List<Item> items) implements Node {}

    record ForLoop(String variable, List<Word> values, Node body) implements Node {}

    record IfElse(Node condition, Node then, @Nullable Node otherwise) implements Node {}

    record WhileLoop(Node condition, Node body, boolean until) implements Node {}

    /** {@code { …; }} (same shell) or {@code ( … )} (subshell), with redirections. */
    record Group(Node body, boolean subshell, List<Redirect> redirects) implements Node {}
}
