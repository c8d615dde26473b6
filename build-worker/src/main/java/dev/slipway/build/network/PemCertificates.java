package dev.slipway.build.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes X.509 certificates as PEM text: {@code -----BEGIN CERTIFICATE-----} blocks, with
 * anything between them (comments, labels) ignored.
 */
final class PemCertificates {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
    private static final int LINE_LENGTH = 64;

    private PemCertificates() {
    }

    /**
     * The certificates in the operator's file, in order.
     *
     * @throws IllegalArgumentException naming the file and the fix when it is missing, unreadable,
     *                                  holds no certificate or a broken one
     */
    static List<X509Certificate> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw invalid(file, "does not exist");
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e + ")");
        }
        var certificates = new ArrayList<X509Certificate>();
        var blocks = BLOCK.matcher(text);
        while (blocks.find()) {
            try {
                var der = Base64.getMimeDecoder().decode(blocks.group(1));
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | IllegalArgumentException e) {
                throw invalid(file, "holds a broken certificate (block " + (certificates.size() + 1) + ": "
                        + e.getMessage() + ")");
            }
        }
        if (certificates.isEmpty()) {
            throw invalid(file, "holds no certificate: expected PEM blocks from -----BEGIN CERTIFICATE-----"
                    + " to -----END CERTIFICATE-----");
        }
        return certificates;
    }

    /** The certificates as PEM text. */
    static byte[] encode(Collection<X509Certificate> certificates) {
        var encoder = Base64.getMimeEncoder(LINE_LENGTH, new byte[] {'\n'});
        var out = new StringBuilder();
        for (var certificate : certificates) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static IllegalArgumentException invalid(Path file, String problem) {
        return new IllegalArgumentException(CompanyNetwork.EXTRA_CA_CERTS + " names " + file + ", which " + problem
                + "; set it to a PEM file holding the CA certificates to trust, or unset it");
    }
}
