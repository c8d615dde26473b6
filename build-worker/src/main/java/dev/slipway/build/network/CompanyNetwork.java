package dev.slipway.build.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a company network asks of builds and apps: extra CA certificates to trust, proxies, and
 * package index mirrors. Build commands get all of it as exec environment (with the trust files
 * mounted read-only), Dockerfile builds get the proxies as build arguments, and apps get the trust
 * settings, plus the proxies when {@link #appProxy()}. {@code build.env} and {@code run.env} still
 * win over these variables, except that a {@code JAVA_TOOL_OPTIONS} of the app's is appended to.
 *
 * @param trust     the trust files, when {@value #EXTRA_CA_CERTS} is set
 * @param forwarded the proxy and package index variables of Slipway's environment
 * @param appProxy  whether apps get the proxy variables too ({@value #APP_PROXY})
 */
public record CompanyNetwork(Optional<TrustMaterial> trust, ForwardedVariables forwarded, boolean appProxy) {

    /** The setting naming the PEM file of extra CA certificates. */
    public static final String EXTRA_CA_CERTS = "SLIPWAY_EXTRA_CA_CERTS";
    /** The setting that gives apps the proxy variables too. */
    public static final String APP_PROXY = "SLIPWAY_APP_PROXY";
    /** Every JVM reads its options from here; the app's own are appended, so they win. */
    public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** No extra trust, nothing forwarded. */
    public static final CompanyNetwork NONE = new CompanyNetwork(Optional.empty(), ForwardedVariables.NONE, false);

    public CompanyNetwork {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(forwarded, "forwarded");
    }

    /**
     * Reads the settings: writes the trust files when {@code extraCaCerts} is given and picks the
     * forwarded variables out of {@code environment} (in production, Slipway's own).
     *
     * @param trustDirectory where the trust files go, e.g. {@code $SLIPWAY_HOME/trust}
     * @throws IllegalArgumentException when {@code extraCaCerts} is missing or holds no valid certificate,
     *                                  or {@code trustDirectory} contains white space
     */
    public static CompanyNetwork of(Optional<Path> extraCaCerts, Path trustDirectory, Map<String, String> environment,
            boolean appProxy) {
        var trust = extraCaCerts.map(file -> TrustFiles.write(file, trustDirectory));
        // Local processes are pointed at this directory itself: refuse at start a path their JVMs cannot take.
        trust.ifPresent(material -> material.javaOptions(material.directory().toString()));
        return new CompanyNetwork(trust, ForwardedVariables.from(environment), appProxy);
    }

    /** The directory to mount read-only at {@link TrustMaterial#CONTAINER_DIRECTORY}, when there is one. */
    public Optional<Path> trustDirectory() {
        return trust.map(TrustMaterial::directory);
    }

    /**
     * The variables build commands get: trust settings pointing under {@code trustRoot}, the
     * proxies in both cases, the package index settings, and {@code JAVA_TOOL_OPTIONS} for both.
     */
    public Map<String, String> buildEnvironment(String trustRoot) {
        var env = new LinkedHashMap<String, String>();
        trust.ifPresent(t -> env.putAll(t.environment(trustRoot)));
        env.putAll(forwarded.proxyEnvironment());
        env.putAll(forwarded.indexes());
        javaOptions(trustRoot, true).ifPresent(options -> env.put(JAVA_TOOL_OPTIONS, options));
        return env;
    }

    /** The variables apps get: the trust settings, and the proxies when {@link #appProxy()}. */
    public Map<String, String> appEnvironment(String trustRoot) {
        var env = new LinkedHashMap<String, String>();
        trust.ifPresent(t -> env.putAll(t.environment(trustRoot)));
        if (appProxy) {
            env.putAll(forwarded.proxyEnvironment());
        }
        javaOptions(trustRoot, appProxy).ifPresent(options -> env.put(JAVA_TOOL_OPTIONS, options));
        return env;
    }

    /** Dockerfile builds' build arguments: Docker's predefined proxy arguments, kept out of the image's history. */
    public Map<String, String> dockerBuildArgs() {
        return forwarded.proxyEnvironment();
    }

    /** Values to mask in build output: passwords in the forwarded URLs. */
    public List<String> secretValues() {
        return forwarded.secretValues();
    }

    /**
     * Puts {@code later}'s variables over {@code env}'s, except that a {@code JAVA_TOOL_OPTIONS} in
     * both is joined, {@code env}'s first, so that the later options win where they differ.
     */
    public static void overlay(Map<String, String> env, Map<String, String> later) {
        later.forEach((name, value) -> env.merge(name, value,
                (earlier, added) -> name.equals(JAVA_TOOL_OPTIONS) ? earlier + " " + added : added));
    }

    /** One line per setting in force, passwords masked, e.g. for Slipway's startup log. */
    public List<String> describe() {
        var lines = new ArrayList<String>();
        trust.ifPresent(t -> lines.add("trusting " + t.extraCertificates() + " extra CA certificate(s) from "
                + EXTRA_CA_CERTS + "; trust files in " + t.directory()));
        forwarded.proxies().forEach((name, value) -> lines.add("builds" + (appProxy ? " and apps" : "") + " get "
                + name + "=" + UrlPasswords.masked(value)));
        forwarded.indexes().forEach((name, value) ->
                lines.add("builds get " + name + "=" + UrlPasswords.masked(value)));
        return lines;
    }

    private Optional<String> javaOptions(String trustRoot, boolean withProxies) {
        var options = new ArrayList<String>();
        trust.ifPresent(t -> options.add(t.javaOptions(trustRoot)));
        if (withProxies) {
            forwarded.javaOptions().ifPresent(options::add);
        }
        return options.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", options));
    }
}
