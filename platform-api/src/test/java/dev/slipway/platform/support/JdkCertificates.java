package dev.slipway.platform.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Real CA certificates for tests that only need a valid PEM file, taken from the JDK's trusted ones. */
public final class JdkCertificates {

    private JdkCertificates() {
    }

    /** Writes one of the JDK's trusted certificates to {@code file} as PEM, standing in for a company's CA. */
    public static Path writeOnePem(Path file) throws Exception {
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        var certificate = ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers()[0];
        var base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n",
                StandardCharsets.US_ASCII);
    }
}
