package dev.slipway.build.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Checks the operator's CA certificate file and writes the {@link TrustMaterial} files from it:
 * the certificates alone, this machine's system bundle plus them, and the JDK's default trusted
 * certificates plus them as a PKCS12 truststore. Files are written whole and then renamed, and
 * readable by every user, since apps in containers may run as any user.
 */
public final class TrustFiles {

    /** Where Debian, Ubuntu, Fedora, RHEL, SUSE and Alpine keep the system bundle; the first found is used. */
    public static final List<Path> SYSTEM_BUNDLES = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"), Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    private static final String READABLE = "rw-r--r--";
    private static final String LISTABLE = "rwxr-xr-x";

    private TrustFiles() {
    }

    /**
     * Writes the trust files for {@code extraCaCerts} into {@code directory} (created if missing).
     *
     * @throws IllegalArgumentException naming the file and the fix when it is missing, unreadable,
     *                                  holds no certificate or a broken one
     */
    public static TrustMaterial write(Path extraCaCerts, Path directory) {
        return write(extraCaCerts, directory, SYSTEM_BUNDLES);
    }

    static TrustMaterial write(Path extraCaCerts, Path directory, List<Path> systemBundles) {
        var extra = PemCertificates.read(extraCaCerts);
        var system = systemBundles.stream().filter(Files::isReadable).findFirst()
                .map(TrustFiles::readSystem).orElseGet(TrustFiles::jdkDefaults);
        var bundle = new LinkedHashSet<>(system);
        bundle.addAll(extra);
        var java = new LinkedHashSet<>(jdkDefaults());
        java.addAll(extra);
        try {
            Files.createDirectories(directory);
            setPermissions(directory, LISTABLE);
            replace(directory, TrustMaterial.EXTRA_CA_FILE, PemCertificates.encode(extra));
            replace(directory, TrustMaterial.BUNDLE_FILE, PemCertificates.encode(bundle));
            replace(directory, TrustMaterial.JAVA_TRUSTSTORE_FILE, truststore(java));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trust files for " + CompanyNetwork.EXTRA_CA_CERTS
                    + " into " + directory + ": " + e.getMessage() + "; check that Slipway may write there", e);
        }
        return new TrustMaterial(directory, extra.size());
    }

    private static List<X509Certificate> readSystem(Path bundle) {
        try {
            return PemCertificates.read(bundle);
        } catch (IllegalArgumentException e) {
            return jdkDefaults();
        }
    }

    /** The certificates the JDK running Slipway trusts by default. */
    static List<X509Certificate> jdkDefaults() {
        try {
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast)
                    .flatMap(manager -> Arrays.stream(manager.getAcceptedIssuers())).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's default trusted certificates: " + e.getMessage(), e);
        }
    }

    private static byte[] truststore(Collection<X509Certificate> certificates) throws IOException {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            var index = 0;
            for (var certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            var out = new ByteArrayOutputStream();
            store.store(out, TrustMaterial.JAVA_TRUSTSTORE_PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a PKCS12 truststore: " + e.getMessage(), e);
        }
    }

    private static void replace(Path directory, String name, byte[] content) throws IOException {
        var temporary = Files.createTempFile(directory, "." + name, ".tmp");
        try {
            Files.write(temporary, content);
            setPermissions(temporary, READABLE);
            Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its defaults apply.
        }
    }
}
