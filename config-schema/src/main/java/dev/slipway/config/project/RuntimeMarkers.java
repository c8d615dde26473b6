package dev.slipway.config.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Files whose presence tells a project's language, and so its runtime and usual install command. */
final class RuntimeMarkers {

    /** A marker file, the runtime it implies, and the command that installs what it lists. */
    record Marker(String file, String runtime, String installCommand) {
    }

    /** In the order they are listed to users; the first one found for a runtime gives its install command. */
    static final List<Marker> MARKERS = List.of(
            new Marker("requirements.txt", "python3", "pip install -r requirements.txt"),
            new Marker("pyproject.toml", "python3", "pip install ."),
            new Marker("package.json", "nodejs18", "npm install"),
            new Marker("pom.xml", "corretto11", "mvn -B -DskipTests package"));

    private RuntimeMarkers() {
    }

    /** The markers present, grouped by the runtime they imply, in {@link #MARKERS} order. */
    static Map<String, List<Marker>> found(ProjectFiles files) {
        var found = new LinkedHashMap<String, List<Marker>>();
        for (var marker : MARKERS) {
            if (files.exists(marker.file())) {
                found.computeIfAbsent(marker.runtime(), r -> new ArrayList<>()).add(marker);
            }
        }
        return found;
    }

    static List<String> fileNames() {
        return MARKERS.stream().map(Marker::file).toList();
    }
}
