package dev.slipway.build.image.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the small Dockerfiles that assemble images. They never contain {@code RUN}: no user
 * command runs in a Dockerfile, so the classic builder only copies files and sets configuration.
 * Values are quoted so they keep spaces, quotes and dollars.
 */
final class DockerfileText {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String VARIABLE_NAME_HINT = "letters, digits and _, not starting with a digit";
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String LABEL_KEY_HINT = "letters, digits, '.', '-' and '_'";
    private static final Pattern IMAGE_REFERENCE = Pattern.compile("[^\\s\"]+");
    private static final Pattern PATH = Pattern.compile("/?[^\\s\"]*");

    private final List<String> lines = new ArrayList<>();

    /** @param image a reference or {@code sha256:…} id, or {@code scratch} */
    DockerfileText from(String image) {
        lines.add("FROM " + reference(image));
        return this;
    }

    /** {@code COPY} from the build context. */
    DockerfileText copy(String source, String target) {
        lines.add("COPY " + path(source) + " " + path(target));
        return this;
    }

    /** {@code COPY --from=image}: files of another image, which run nothing. */
    DockerfileText copyFrom(String image, String source, String target) {
        lines.add("COPY --from=" + reference(image) + " " + path(source) + " " + path(target));
        return this;
    }

    DockerfileText workdir(String directory) {
        lines.add("WORKDIR " + path(directory));
        return this;
    }

    /** Nothing when {@code variables} is empty. */
    DockerfileText env(Map<String, String> variables) {
        if (!variables.isEmpty()) {
            lines.add("ENV " + keyValues(variables, VARIABLE_NAME, VARIABLE_NAME_HINT));
        }
        return this;
    }

    DockerfileText expose(int port) {
        lines.add("EXPOSE " + port);
        return this;
    }

    /** Nothing when {@code labels} is empty. */
    DockerfileText labels(Map<String, String> labels) {
        if (!labels.isEmpty()) {
            lines.add("LABEL " + keyValues(labels, LABEL_KEY, LABEL_KEY_HINT));
        }
        return this;
    }

    /** Exec form, so Docker adds no shell of its own. */
    DockerfileText cmd(List<String> argv) {
        lines.add("CMD " + jsonArray(argv));
        return this;
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    static String jsonArray(List<String> values) {
        var json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(jsonString(values.get(i)));
        }
        return json.append(']').toString();
    }

    static String jsonString(String value) {
        var json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    /** {@code KEY="value" ...} with Dockerfile quoting. */
    private static String keyValues(Map<String, String> values, Pattern keyPattern, String hint) {
        var text = new StringBuilder();
        values.forEach((key, value) -> {
            if (key == null || !keyPattern.matcher(key).matches()) {
                throw new IllegalArgumentException("invalid name \"" + key + "\": use " + hint);
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("the value of " + key
                        + " contains a line break, which a Dockerfile ENV or LABEL cannot hold");
            }
            var quoted = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$");
            text.append(text.length() == 0 ? "" : " ").append(key).append("=\"").append(quoted).append('"');
        });
        return text.toString();
    }

    private static String reference(String image) {
        if (!IMAGE_REFERENCE.matcher(image).matches()) {
            throw new IllegalArgumentException("invalid image reference \"" + image + "\"");
        }
        return image;
    }

    private static String path(String path) {
        if (!PATH.matcher(path).matches() || path.isEmpty()) {
            throw new IllegalArgumentException("invalid path \"" + path + "\"");
        }
        return path;
    }
}
