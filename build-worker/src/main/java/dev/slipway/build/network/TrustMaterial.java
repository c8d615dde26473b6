package dev.slipway.build.network;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files that make tools trust extra CA certificates, written by {@link TrustFiles} into one
 * directory that build and app containers get read-only at {@link #CONTAINER_DIRECTORY}.
 *
 * @param directory         where the files are on this machine
 * @param extraCertificates how many certificates the operator's file holds
 */
public record TrustMaterial(Path directory, int extraCertificates) {

    /** Where containers see {@link #directory()}; a bind mount, so never part of a committed image. */
    public static final String CONTAINER_DIRECTORY = "/opt/slipway/trust";
    /** Only the operator's certificates, PEM: what Node.js adds to its own list. */
    public static final String EXTRA_CA_FILE = "extra-ca.pem";
    /** This machine's system certificates plus the operator's, PEM: what OpenSSL-based tools read. */
    public static final String BUNDLE_FILE = "ca-bundle.pem";
    /** The JDK's default trusted certificates plus the operator's, PKCS12. */
    public static final String JAVA_TRUSTSTORE_FILE = "truststore.p12";
    /** The Java truststore's password; it protects nothing secret, Java's own default is the same. */
    public static final String JAVA_TRUSTSTORE_PASSWORD = "changeit";
    /** Variables that point OpenSSL, curl, Python requests, pip and git at the bundle. */
    public static final List<String> BUNDLE_VARIABLES = List.of(
            "SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "PIP_CERT", "GIT_SSL_CAINFO");
    /** Node.js (and so npm and yarn) adds these certificates to its built-in ones. */
    public static final String NODE_VARIABLE = "NODE_EXTRA_CA_CERTS";

    /**
     * The variables that make tools trust these files when they are found under {@code root}
     * (the container directory, or {@link #directory()} for local processes), without
     * {@code JAVA_TOOL_OPTIONS}: see {@link #javaOptions(String)}.
     */
    public Map<String, String> environment(String root) {
        var env = new LinkedHashMap<String, String>();
        BUNDLE_VARIABLES.forEach(name -> env.put(name, root + "/" + BUNDLE_FILE));
        env.put(NODE_VARIABLE, root + "/" + EXTRA_CA_FILE);
        return env;
    }

    /**
     * The JVM options that make Java trust the truststore under {@code root}.
     *
     * @throws IllegalArgumentException when {@code root} holds white space, which
     *                                  {@code JAVA_TOOL_OPTIONS} cannot carry
     */
    public String javaOptions(String root) {
        if (root.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the trust files' directory \"" + root + "\" contains white space,"
                    + " which JAVA_TOOL_OPTIONS cannot carry; choose a SLIPWAY_HOME without spaces");
        }
        return "-Djavax.net.ssl.trustStore=" + root + "/" + JAVA_TRUSTSTORE_FILE
                + " -Djavax.net.ssl.trustStorePassword=" + JAVA_TRUSTSTORE_PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12";
    }
}
