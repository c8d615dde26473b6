package dev.slipway.config.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The images each runtime builds and runs on by default: official images from public
 * registries, with a version-specific tag first where one exists, then the offline image of the
 * runtime's language (see {@link OfflineImage}), last in both lists. Revised-build runtimes build
 * on the full language image and run on its slim variant.
 */
final class DefaultImages {

    private static final String DOTNET_SDK = "mcr.microsoft.com/dotnet/sdk:6.0";

    private DefaultImages() {
    }

    static ImageTemplates of(ManagedRuntime runtime) {
        var official = official(runtime);
        return new ImageTemplates(withOffline(runtime, official.build()), withOffline(runtime, official.run()));
    }

    /** The official images alone. */
    static ImageTemplates official(ManagedRuntime runtime) {
        return switch (runtime) {
            case PYTHON_3 -> ImageTemplates.same(List.of("python:{version}-slim", "python:3.8-slim"));
            case PYTHON_311, PYTHON_312, PYTHON_313 -> python(runtime);
            case NODEJS_12, NODEJS_14, NODEJS_16 -> ImageTemplates.same(List.of("node:{version}-slim",
                    "node:" + major(runtime) + "-slim"));
            case NODEJS_18, NODEJS_20, NODEJS_22 -> new ImageTemplates(
                    List.of("node:{version}", "node:" + major(runtime)),
                    List.of("node:{version}-slim", "node:" + major(runtime) + "-slim"));
            case CORRETTO_8, CORRETTO_11 -> ImageTemplates.same(List.of(
                    "maven:3-amazoncorretto-" + major(runtime), "amazoncorretto:" + major(runtime)));
            case CORRETTO_17, CORRETTO_21 -> new ImageTemplates(
                    List.of("maven:3-amazoncorretto-" + major(runtime), "amazoncorretto:" + major(runtime)),
                    List.of("amazoncorretto:" + major(runtime)));
            case DOTNET_6 -> ImageTemplates.same(List.of(DOTNET_SDK));
            case PHP_81 -> ImageTemplates.same(List.of("php:{version}-cli", "php:8.1-cli"));
            case RUBY_31 -> ImageTemplates.same(List.of("ruby:{version}-slim", "ruby:3.1-slim"));
            case GO_1 -> ImageTemplates.same(List.of("golang:{version}", "golang:1"));
        };
    }

    private static ImageTemplates python(ManagedRuntime runtime) {
        var minor = runtime.versions().get(0);
        return new ImageTemplates(List.of("python:{version}", "python:" + minor),
                List.of("python:{version}-slim", "python:" + minor + "-slim"));
    }

    private static List<String> withOffline(ManagedRuntime runtime, List<String> images) {
        var all = new ArrayList<>(images);
        OfflineImage.fallbackFor(runtime.language()).ifPresent(offline -> all.add(offline.reference()));
        return List.copyOf(all);
    }

    private static String major(ManagedRuntime runtime) {
        return runtime.versions().get(0);
    }
}
