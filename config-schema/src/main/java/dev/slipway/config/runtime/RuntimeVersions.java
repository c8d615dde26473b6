package dev.slipway.config.runtime;

import java.util.regex.Pattern;

/** {@code run.runtime-version} values: dot-separated numbers such as {@code 3}, {@code 3.8} or {@code 11.0.13.08.1}. */
final class RuntimeVersions {

    private static final Pattern NUMERIC = Pattern.compile("\\d{1,9}(\\.\\d{1,9})*");
    /** A version tag is only worth trying when it is more precise than the major the runtime already pins. */
    private static final int PARTS_FOR_A_TAG = 2;

    private RuntimeVersions() {
    }

    static boolean isNumeric(String version) {
        return version != null && NUMERIC.matcher(version).matches();
    }

    /** Whether a version-specific image tag should be tried for {@code version} of {@code runtime}. */
    static boolean selectsATag(ManagedRuntime runtime, String version) {
        return runtime.acceptsVersion(version) && version.split("\\.").length >= PARTS_FOR_A_TAG;
    }
}
