package dev.slipway.config.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The managed runtimes App Runner offers, by the name {@code apprunner.yaml} uses for them. The
 * constant names are App Runner's API enum forms ({@code PYTHON_311}).
 */
public enum ManagedRuntime {
    PYTHON_3("python3", Images.PYTHON_38, Images.OFFLINE_PYTHON, Commands.PYTHON, false),
    PYTHON_311("python311", Images.PYTHON_311, Images.OFFLINE_PYTHON, Commands.PYTHON, true),
    NODEJS_12("nodejs12", "node:12-slim", null, Commands.NODE, false),
    NODEJS_14("nodejs14", "node:14-slim", null, Commands.NODE, false),
    NODEJS_16("nodejs16", "node:16-slim", null, Commands.NODE, false),
    NODEJS_18("nodejs18", "node:18-slim", null, Commands.NODE, true),
    NODEJS_22("nodejs22", "node:22-slim", null, Commands.NODE, true),
    CORRETTO_8("corretto8", "amazoncorretto:8", null, Commands.JAVA, false),
    CORRETTO_11("corretto11", "amazoncorretto:11", null, Commands.JAVA, false),
    DOTNET_6("dotnet6", "mcr.microsoft.com/dotnet/sdk:6.0", null, "dotnet", false),
    PHP_81("php81", "php:8.1-cli", null, "php", false),
    RUBY_31("ruby31", "ruby:3.1-slim", null, "ruby", false),
    GO_1("go1", "golang:1", null, "go", false);

    private final String fileName;
    private final String officialImage;
    private final String offlineImage;
    private final String hostCommand;
    private final boolean revisedBuild;

    ManagedRuntime(String fileName, String officialImage, String offlineImage, String hostCommand,
            boolean revisedBuild) {
        this.fileName = fileName;
        this.officialImage = officialImage;
        this.offlineImage = offlineImage;
        this.hostCommand = hostCommand;
        this.revisedBuild = revisedBuild;
    }

    /** The runtime whose {@code apprunner.yaml} name is exactly {@code name}, e.g. {@code python311}. */
    public static Optional<ManagedRuntime> fromFileName(String name) {
        return Arrays.stream(values()).filter(r -> r.fileName.equals(name)).findFirst();
    }

    /** Every {@code apprunner.yaml} runtime name, in declaration order. */
    public static List<String> fileNames() {
        return Arrays.stream(values()).map(ManagedRuntime::fileName).toList();
    }

    /** The name {@code apprunner.yaml} uses, e.g. {@code python311}. */
    public String fileName() {
        return fileName;
    }

    /** The official language image on a public registry, e.g. {@code python:3.11-slim}. */
    public String officialImage() {
        return officialImage;
    }

    /** The image {@code make runtimes} builds from Debian packages, when there is one. */
    public Optional<String> offlineImage() {
        return Optional.ofNullable(offlineImage);
    }

    /** The interpreter or tool the runtime needs on the host when apps run as local processes. */
    public String hostCommand() {
        return hostCommand;
    }

    /**
     * Whether App Runner builds this runtime with the revised process: only {@code /app} is
     * carried into the run image, then {@code run.pre-run} runs.
     */
    public boolean revisedBuild() {
        return revisedBuild;
    }

    /** Values shared by several constants (constants cannot refer to their enum's own statics). */
    private static final class Images {
        static final String PYTHON_38 = "python:3.8-slim";
        static final String PYTHON_311 = "python:3.11-slim";
        static final String OFFLINE_PYTHON = "slipway/runtime-python3:bookworm";
    }

    private static final class Commands {
        static final String PYTHON = "python3";
        static final String NODE = "node";
        static final String JAVA = "java";
    }
}
