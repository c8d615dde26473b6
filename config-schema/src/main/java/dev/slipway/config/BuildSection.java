package dev.slipway.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code build} section. Commands run through {@code sh -c} in the source directory, in the
 * order pre-build, build, post-build. {@code env} is visible to the build phases and to
 * {@code run.pre-run}, never to the running app.
 */
public record BuildSection(List<String> preBuild, List<String> build, List<String> postBuild, List<EnvVar> env) {

    public BuildSection {
        preBuild = List.copyOf(preBuild);
        build = List.copyOf(build);
        postBuild = List.copyOf(postBuild);
        env = List.copyOf(env);
    }

    /** Every build command in execution order. */
    public List<String> allCommands() {
        var all = new ArrayList<String>(preBuild);
        all.addAll(build);
        all.addAll(postBuild);
        return List.copyOf(all);
    }

    /**
     * {@code env} as a map in file order, a later entry winning over an earlier one of the same
     * name: the environment of every build phase and of {@code run.pre-run}.
     */
    public Map<String, String> environment() {
        var environment = new LinkedHashMap<String, String>();
        env.forEach(variable -> environment.put(variable.name(), variable.value()));
        return Collections.unmodifiableMap(environment);
    }
}
