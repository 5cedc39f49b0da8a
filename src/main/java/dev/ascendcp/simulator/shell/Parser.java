package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Ast.AndOr;
import dev.ascendcp.simulator.shell.Ast.Assignment;
import dev.ascendcp.simulator.shell.Ast.ForLoop;
import dev.ascendcp.simulator.shell.Ast.Group;
import dev.ascendcp.simulator.shell.Ast.IfElse;
import dev.ascendcp.simulator.shell.Ast.Item;
import dev.ascendcp.simulator.shell.Ast.Node;
import dev.ascendcp.simulator.shell.Ast.Pipeline;
import dev.ascendcp.simulator.shell.Ast.Redirect;
import dev.ascendcp.simulator.shell.Ast.Sequence;
import dev.ascendcp.simulator.shell.Ast.Simple;
import dev.ascendcp.simulator.shell.Ast.WhileLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Recursive-descent parser for the subset of the POSIX shell grammar the simulator speaks. */
final class Parser {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Set<String> TERMINATORS = Set.of("do", "done", "then", "elif", "else", "fi", "}");

    private final List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String src) {
        Parser p = new Parser(Lexer.tokenize(src));
        Node node = p.sequence();
        if (p.peek().type() != Token.Type.EOF) {
            throw new SyntaxError("Syntax error: \"" + p.describe(p.peek()) + "\" unexpected");
        }
        return node;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean atReserved(String word) {
        Token t = peek();
        return t.type() == Token.Type.WORD && t.word() != null && t.word().isPlain(word);
    }

    private boolean atTerminator() {
        Token t = peek();
        if (t.type() == Token.Type.EOF || t.isOp(")")) {
            return true;
        }
        return t.type() == Token.Type.WORD
                && t.word() != null
                && TERMINATORS.contains(t.word().plainText());
    }

    private void skipNewlines() {
        while (peek().isOp("\n")) {
            pos++;
        }
    }

    private Node sequence() {
        List<Item> items = new ArrayList<>();
        skipNewlines();
        while (!atTerminator()) {
            Node node = andOr();
            boolean background = false;
            if (peek().isOp("&")) {
                background = true;
                pos++;
            } else if (peek().isOp(";") || peek().isOp("\n")) {
                pos++;
            } else if (!atTerminator()) {
                throw new SyntaxError("Syntax error: \"" + describe(peek()) + "\" unexpected");
            }
            items.add(new Item(node, background));
            skipNewlines();
        }
        return new Sequence(items);
    }

    private Node andOr() {
        Node left = pipeline();
        while (peek().isOp("&&") || peek().isOp("||")) {
            String op = tokens.get(pos++).op();
            skipNewlines();
            left = new AndOr(left, op, pipeline());
        }
        return left;
    }

    private Node pipeline() {
        boolean negated = false;
        if (atReserved("!")) {
            negated = true;
            pos++;
        }
        List<Node> stages = new ArrayList<>();
        stages.add(command());
        while (peek().isOp("|")) {
            pos++;
            skipNewlines();
            stages.add(command());
        }
        return stages.size() == 1 && !negated ? stages.get(0) : new Pipeline(stages, negated);
    }

    private Node command() {
        if (atReserved("for")) {
            return forLoop();
        }
        if (atReserved("if")) {
            pos++;
            return ifRest();
        }
        if (atReserved("while") || atReserved("until")) {
            boolean until = atReserved("until");
            pos++;
            Node cond = sequence();
            expect("do");
            Node body = sequence();
            expect("done");
            return new WhileLoop(cond, body, until);
        }
        if (atReserved("{")) {
            pos++;
            Node body = sequence();
            expect("}");
            return new Group(body, false, redirects());
        }
        if (peek().isOp("(")) {
            pos++;
            Node body = sequence();
            if (!peek().isOp(")")) {
                throw new SyntaxError("Syntax error: end of file unexpected (expecting \")\")");
            }
            pos++;
            return new Group(body, true, redirects());
        }
        return simple();
    }

    private Node forLoop() {
        pos++;
        Token name = tokens.get(pos++);
        if (name.type() != Token.Type.WORD || name.word() == null) {
            throw new SyntaxError("Syntax error: Bad for loop variable");
        }
        List<Word> values = new ArrayList<>();
        if (atReserved("in")) {
            pos++;
            while (peek().type() == Token.Type.WORD) {
                values.add(tokens.get(pos++).word());
            }
        }
        if (peek().isOp(";") || peek().isOp("\n")) {
            pos++;
        }
        skipNewlines();
        expect("do");
        Node body = sequence();
        expect("done");
        return new ForLoop(name.word().plainText(), values, body);
    }

    private Node ifRest() {
        Node cond = sequence();
        expect("then");
        Node then = sequence();
        if (atReserved("elif")) {
            pos++;
            return new IfElse(cond, then, ifRest());
        }
        Node otherwise = null;
        if (atReserved("else")) {
            pos++;
            otherwise = sequence();
        }
        expect("fi");
        return new IfElse(cond, then, otherwise);
    }

    private void expect(String word) {
        if (!atReserved(word)) {
            throw new SyntaxError("Syntax error: "
                    + (peek().type() == Token.Type.EOF ? "end of file" : "\"" + describe(peek()) + "\"")
                    + " unexpected (expecting \"" + word + "\")");
        }
        pos++;
    }

    private List<Redirect> redirects() {
        List<Redirect> list = new ArrayList<>();
        while (peek().type() == Token.Type.REDIRECT) {
            Token t = tokens.get(pos++);
            list.add(new Redirect(t.fd(), t.op(), t.word()));
        }
        return list;
    }

    private Node simple() {
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.type() == Token.Type.REDIRECT) {
                redirects.addAll(redirects());
            } else if (t.type() == Token.Type.WORD && t.word() != null) {
                pos++;
                Word w = t.word();
                if (words.isEmpty() && isAssignment(w)) {
                    assignments.add(assignment(w));
                } else {
                    words.add(w);
                }
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw new SyntaxError("Syntax error: \"" + describe(peek()) + "\" unexpected");
        }
        return new Simple(assignments, words, redirects);
    }

    private static boolean isAssignment(Word w) {
        return !w.parts().isEmpty()
                && w.parts().get(0).kind() == Word.Kind.PLAIN
                && ASSIGNMENT.matcher(w.parts().get(0).text()).matches();
    }

    private static Assignment assignment(Word w) {
        String first = w.parts().get(0).text();
        int eq = first.indexOf('=');
        List<Word.Part> rest = new ArrayList<>();
        if (eq + 1 < first.length()) {
            rest.add(new Word.Part(first.substring(eq + 1), Word.Kind.QUOTED));
        }
        rest.addAll(w.parts().subList(1, w.parts().size()));
        return new Assignment(first.substring(0, eq), new Word(rest));
    }

    private String describe(Token t) {
        return switch (t.type()) {
            case EOF -> "end of file";
            case OP -> t.op().equals("\n") ? "newline" : t.op();
            case WORD -> t.word() == null ? "" : t.word().plainText();
            case REDIRECT -> t.op();
        };
    }
}
