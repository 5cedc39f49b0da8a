package dev.ascendcp.inventory;

/** One rejected field of a request: {@code field} is its JSON path, e.g. {@code serve.extraArgs[0]}. */
public record FieldProblem(String field, String message) {}
