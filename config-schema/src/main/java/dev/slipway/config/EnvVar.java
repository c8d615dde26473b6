package dev.slipway.config;

import java.util.regex.Pattern;

/** One {@code name}/{@code value} entry of {@code build.env} or {@code run.env}. */
public record EnvVar(String name, String value) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Whether {@code name} is a valid environment variable name: letters, digits, {@code _}, no leading digit. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
