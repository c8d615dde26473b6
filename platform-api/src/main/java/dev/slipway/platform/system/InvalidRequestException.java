package dev.slipway.platform.system;

import java.util.Optional;

/**
 * A request body that makes no sense; the message says which field and what is expected, and {@link #field()}
 * names that field by its path in the request (e.g. {@code source.url}) so forms can show it next to the field.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String message) {
        this(null, message);
    }

    /** @param field the request field the problem concerns, e.g. {@code name} or {@code scaling.minSize} */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field the problem concerns, when it concerns one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
