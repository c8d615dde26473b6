package dev.slipway.config.project;

import java.util.List;

/** Every problem text project detection produces: what is wrong; how to fix it. */
final class DetectionMessages {

    private static final String REFERENCE = "docs/apprunner-yaml.md";
    private static final String ROOT = "the repository root";
    private static final String WEB_EXAMPLE = "web: gunicorn app:app";

    private DetectionMessages() {
    }

    static String nothingBuildable(String displayPath) {
        var where = displayPath.isEmpty() ? ROOT : displayPath;
        return "no apprunner.yaml, Dockerfile or Makefile in " + where + ", and no Procfile; add an apprunner.yaml "
                + "(see " + REFERENCE + ")";
    }

    static String ymlExtension() {
        return "App Runner and Slipway read only apprunner.yaml; rename this file to apprunner.yaml";
    }

    static String noStartTarget(boolean withProcfile) {
        var procfile = withProcfile ? ", a web line in the Procfile" : "";
        return "no run or start target to start the app; add a run target" + procfile
                + ", or an apprunner.yaml with run.command";
    }

    static String noWebProcess() {
        return "no web process to start the app; add a line such as " + WEB_EXAMPLE;
    }

    static String emptyWebCommand() {
        return "the web command is empty; write e.g. " + WEB_EXAMPLE;
    }

    static String otherProcess(String type) {
        return "Slipway starts only the web process, not " + type + "; deploy it as a service of its own or remove "
                + "the line";
    }

    static String noRuntime(List<String> markers) {
        return "cannot tell the runtime: none of " + String.join(", ", markers) + " is present; "
                + "add the one your app uses, or an apprunner.yaml that names the runtime";
    }

    static String severalRuntimes(List<String> choices) {
        return "several runtimes fit: " + String.join(", ", choices) + "; add an apprunner.yaml that names the runtime";
    }
}
