package dev.slipway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The control plane's packages depend on each other in one direction only (the tree tells the
 * story of a push: gitpush → deployment → instance → runtime, routing), and {@code system} knows no
 * feature. Read from the sources, so a new import that closes a cycle fails here.
 */
class PackageDependenciesTest {

    private static final String BASE = "dev.slipway.platform";
    private static final Path SOURCES = Path.of("src/main/java/dev/slipway/platform");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("(dev\\.slipway\\.platform(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        var dependencies = dependencies();

        assertThat(cycles(dependencies)).as("package cycles").isEmpty();
    }

    @Test
    void systemKnowsNoFeature() throws IOException {
        assertThat(dependencies().getOrDefault(BASE + ".system", Set.of())).as("what system depends on")
                .allSatisfy(p -> assertThat(p).startsWith(BASE + ".system"));
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        var dependencies = new TreeMap<String, Set<String>>();
        try (var files = Files.walk(SOURCES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var source = Files.readString(file);
                var matcher = PACKAGE.matcher(source);
                if (!matcher.find()) {
                    continue;
                }
                var own = matcher.group(1);
                var uses = dependencies.computeIfAbsent(own, p -> new TreeSet<>());
                var references = REFERENCE.matcher(source);
                while (references.find()) {
                    if (!references.group(1).equals(own) && !references.group(1).equals(BASE + ".platform")) {
                        uses.add(references.group(1));
                    }
                }
            }
        }
        return dependencies;
    }

    /** The strongly connected groups of more than one package (Tarjan's algorithm). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        var index = new HashMap<String, Integer>();
        var low = new HashMap<String, Integer>();
        var stack = new ArrayList<String>();
        var cycles = new ArrayList<Set<String>>();
        for (var node : graph.keySet()) {
            if (!index.containsKey(node)) {
                visit(node, graph, index, low, stack, cycles);
            }
        }
        return cycles;
    }

    private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, List<String> stack, List<Set<String>> cycles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.add(node);
        for (var next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, cycles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            var group = new TreeSet<String>();
            String member;
            do {
                member = stack.remove(stack.size() - 1);
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                cycles.add(group);
            }
        }
    }
}
