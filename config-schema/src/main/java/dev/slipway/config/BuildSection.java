package dev.slipway.config;

import java.util.List;

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
        var all = new java.util.ArrayList<String>(preBuild);
        all.addAll(build);
        all.addAll(postBuild);
        return List.copyOf(all);
    }
}
