package dev.slipway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random YAML documents built from apprunner.yaml's own keys, near misses and hostile values, in
 * block and flow style, so random input reaches the section readers rather than stopping at the
 * YAML parser.
 */
final class RandomDocuments {

    private static final int MAX_DEPTH = 5;
    private static final int MAX_ENTRIES = 6;
    private static final List<String> KEYS = keys();
    private static final List<String> SCALARS = List.of("1.0", "1", "python3", "python311", "PYTHON_311", "nodejs 12",
            "go1", "corretto21", "java", "docker", "8080", "0", "65536", "-1", "80a", "3.8.16", "latest", "true", "no",
            "~", "''", "\"\"", "\"a: b\"", "pip install -r requirements.txt", "python3 app.py", "APP_PORT", "1BAD",
            "s3://bucket/prefix/", "s3://", "models", "../x", "/abs", "HTTP", "TCP", "/health", "20", "21", "3600",
            "1 vCPU", "0.25 vCPU", "3 vCPU", "2 GB", "12288", "5 GB", "!Ref x", "&a a", "*a", "|\n  block\n",
            ">-\n  folded\n", "'quoted ''single'''", "\"\\u00e9\\t\"", "2024-01-01", ".nan", "0x10", "1e3", "{}", "[]");

    private RandomDocuments() {
    }

    private static List<String> keys() {
        var keys = new ArrayList<String>();
        for (var path : Keys.allPaths()) {
            var key = path.substring(path.lastIndexOf('.') + 1);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        keys.addAll(List.of("Version", "prebuild", "health_check", "scaling", "port", "ports", "environment",
                "value-from", "start", "<<", "? complex", "x-anchor", "", "\u00fcml\u00e4ut", "-", ":"));
        return List.copyOf(keys);
    }

    static String document(Random random) {
        var out = new StringBuilder();
        if (random.nextInt(10) == 0) {
            out.append("---\n");
        }
        var indent = 1 + random.nextInt(4);
        var entries = 1 + random.nextInt(MAX_ENTRIES + 2);
        for (var i = 0; i < entries; i++) {
            blockEntry(random, out, 0, indent, 0);
        }
        return out.toString();
    }

    private static void blockEntry(Random random, StringBuilder out, int column, int indent, int depth) {
        out.append(" ".repeat(column)).append(pick(random, KEYS)).append(':');
        value(random, out, column + indent, indent, depth + 1);
    }

    private static void value(Random random, StringBuilder out, int column, int indent, int depth) {
        var choice = depth >= MAX_DEPTH ? 0 : random.nextInt(5);
        switch (choice) {
            case 0 -> out.append(' ').append(pick(random, SCALARS)).append('\n');
            case 1 -> out.append(' ').append(flow(random, depth)).append('\n');
            case 2 -> {
                out.append('\n');
                for (var i = random.nextInt(MAX_ENTRIES); i >= 0; i--) {
                    blockEntry(random, out, column, indent, depth);
                }
            }
            default -> {
                out.append('\n');
                for (var i = random.nextInt(MAX_ENTRIES); i >= 0; i--) {
                    out.append(" ".repeat(column)).append("-");
                    if (random.nextBoolean()) {
                        out.append(' ').append(pick(random, KEYS)).append(':');
                        value(random, out, column + 2, indent, depth + 1);
                    } else {
                        value(random, out, column + indent, indent, depth + 1);
                    }
                }
            }
        }
    }

    private static String flow(Random random, int depth) {
        if (depth >= MAX_DEPTH || random.nextInt(3) == 0) {
            return pick(random, SCALARS).replace("\n", " ");
        }
        var items = new ArrayList<String>();
        var map = random.nextBoolean();
        for (var i = random.nextInt(4); i >= 0; i--) {
            items.add((map ? pick(random, KEYS) + ": " : "") + flow(random, depth + 1));
        }
        return (map ? "{" : "[") + String.join(", ", items) + (map ? "}" : "]");
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
