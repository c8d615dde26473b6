package dev.slipway.platform.console;

import dev.slipway.platform.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems a form's submission had, each under the field it concerns, named as the API names it
 * ({@code name}, {@code source.url}, {@code scaling.minSize}); a problem of no one field is under "". Pages show
 * each next to its field ({@code <field id>-error}, which the field's {@code aria-describedby} names) and all of
 * them in a summary at the top linking to the fields.
 *
 * @param messages field → message, in the order found
 */
public record FormErrors(Map<String, String> messages) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    public FormErrors {
        messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    /** The API's problems, each under the field it names. */
    static FormErrors of(List<InvalidRequestException> problems) {
        var messages = new LinkedHashMap<String, String>();
        problems.forEach(p -> messages.putIfAbsent(p.field().orElse(""), p.getMessage()));
        return new FormErrors(messages);
    }

    /** One problem under {@code field}. */
    static FormErrors of(String field, String message) {
        return new FormErrors(Map.of(field, message));
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    /** Whether any field starting with {@code prefix} (e.g. {@code s3.}) has a problem. */
    public boolean hasAny(String prefix) {
        return messages.keySet().stream().anyMatch(f -> f.startsWith(prefix));
    }

    /** The problem of {@code field}, or null. */
    public String message(String field) {
        return messages.get(field);
    }

    /** The HTML id of the input for {@code field}: {@code source.url} → {@code source-url}. */
    public String inputId(String field) {
        return field.replace('.', '-');
    }

    /** The HTML id of the element showing {@code field}'s problem. */
    public String errorId(String field) {
        return inputId(field) + "-error";
    }

    /** What the field's {@code aria-describedby} lists: its help, and its problem when it has one. */
    public String describedBy(String field, String helpId) {
        var ids = new ArrayList<String>();
        if (helpId != null && !helpId.isEmpty()) {
            ids.add(helpId);
        }
        if (has(field)) {
            ids.add(errorId(field));
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    /** The summary's lines, in the order found; {@code href} is null for a problem of no one field. */
    public List<Item> items() {
        return messages.entrySet().stream()
                .map(e -> new Item(e.getKey().isEmpty() ? null : "#" + inputId(e.getKey()), e.getValue())).toList();
    }

    /** One line of the summary. */
    public record Item(String href, String message) {
    }
}
