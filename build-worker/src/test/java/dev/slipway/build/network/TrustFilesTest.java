package dev.slipway.build.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustFilesTest {

    @TempDir
    Path temp;

    @Test
    void writesTheExtraCertificatesTheBundleAndAJavaTruststore() throws Exception {
        var first = TestCertificates.authority("First Test CA");
        var second = TestCertificates.authority("Second Test CA");
        var pem = temp.resolve("company.pem");
        Files.writeString(pem, "# company roots\n" + Files.readString(first.writePem(temp.resolve("a.pem")))
                + "some label\n" + Files.readString(second.writePem(temp.resolve("b.pem"))));
        var systemBundle = first.writePem(temp.resolve("system.pem"));
        var directory = temp.resolve("home/trust");

        var trust = TrustFiles.write(pem, directory, List.of(temp.resolve("missing.crt"), systemBundle));

        assertThat(trust).isEqualTo(new TrustMaterial(directory, 2));
        assertThat(PemCertificates.read(directory.resolve(TrustMaterial.EXTRA_CA_FILE)))
                .containsExactly(first.certificate(), second.certificate());
        assertThat(PemCertificates.read(directory.resolve(TrustMaterial.BUNDLE_FILE)))
                .as("the system bundle, then the extra certificates not in it")
                .containsExactly(first.certificate(), second.certificate());
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve(TrustMaterial.JAVA_TRUSTSTORE_FILE))) {
            store.load(in, TrustMaterial.JAVA_TRUSTSTORE_PASSWORD.toCharArray());
        }
        var trusted = Collections.list(store.aliases()).stream()
                .map(alias -> (X509Certificate) getCertificate(store, alias)).toList();
        assertThat(trusted).contains(first.certificate(), second.certificate())
                .containsAll(TrustFiles.jdkDefaults());
        for (var file : List.of(TrustMaterial.EXTRA_CA_FILE, TrustMaterial.BUNDLE_FILE,
                TrustMaterial.JAVA_TRUSTSTORE_FILE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(file))))
                    .isEqualTo("rw-r--r--");
        }
        assertThat(directory).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void withoutASystemBundleTheJdksCertificatesAreTheBase() throws Exception {
        var pem = TestCertificates.authority("Test CA").writePem(temp.resolve("ca.pem"));

        TrustFiles.write(pem, temp.resolve("trust"), List.of(temp.resolve("none.crt")));

        assertThat(PemCertificates.read(temp.resolve("trust").resolve(TrustMaterial.BUNDLE_FILE)))
                .hasSize(TrustFiles.jdkDefaults().size() + 1);
    }

    @Test
    void aMissingFileIsNamedWithTheFix() {
        var missing = temp.resolve("nowhere.pem");

        assertThatThrownBy(() -> TrustFiles.write(missing, temp.resolve("trust")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SLIPWAY_EXTRA_CA_CERTS names " + missing + ", which does not exist; set it to a PEM"
                        + " file holding the CA certificates to trust, or unset it");
    }

    @Test
    void aFileWithoutCertificatesIsRefused() throws IOException {
        var key = Files.writeString(temp.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TrustFiles.write(key, temp.resolve("trust")))
                .hasMessageContaining("names " + key + ", which holds no certificate: expected PEM blocks from"
                        + " -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----");
        assertThat(temp.resolve("trust")).doesNotExist();
    }

    @Test
    void aBrokenCertificateIsRefusedNamingItsBlock() throws Exception {
        var good = Files.readString(TestCertificates.authority("Test CA").writePem(temp.resolve("ca.pem")));
        var file = Files.writeString(temp.resolve("broken.pem"),
                good + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> TrustFiles.write(file, temp.resolve("trust")))
                .hasMessageContaining("names " + file + ", which holds a broken certificate (block 2: ");
    }

    private static java.security.cert.Certificate getCertificate(KeyStore store, String alias) {
        try {
            return store.getCertificate(alias);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
