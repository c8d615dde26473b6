package dev.slipway.router;

/** A route state file that cannot be used, with the place in it where the problem is. */
public final class InvalidRouteStateException extends Exception {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public InvalidRouteStateException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
