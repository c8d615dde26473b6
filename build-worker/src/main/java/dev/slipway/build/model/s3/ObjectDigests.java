package dev.slipway.build.model.s3;

import dev.slipway.build.model.DeclaredDigests;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** What a GET response vouches for about the content: its full-object sha256, or an MD5 ETag. */
final class ObjectDigests {

    /** A single-part upload's ETag: the hex MD5 of the content. Multipart ETags end in -N. */
    private static final Pattern PLAIN_MD5 = Pattern.compile("\"?([0-9a-fA-F]{32})\"?");
    /** Composite (per-part) checksums look like {@code base64-N}. */
    private static final String PART_COUNT_SEPARATOR = "-";

    private ObjectDigests() {
    }

    static DeclaredDigests declared(GetObjectResponse response) {
        return new DeclaredDigests(sha256(response), md5(response));
    }

    private static Optional<String> sha256(GetObjectResponse response) {
        var checksum = response.checksumSHA256();
        if (checksum == null || checksum.contains(PART_COUNT_SEPARATOR)
                || response.checksumType() == ChecksumType.COMPOSITE) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().formatHex(Base64.getDecoder().decode(checksum)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> md5(GetObjectResponse response) {
        var etag = response.eTag();
        if (etag == null || encryptedWithoutMd5(response)) {
            return Optional.empty();
        }
        var matcher = PLAIN_MD5.matcher(etag);
        return matcher.matches() ? Optional.of(matcher.group(1).toLowerCase()) : Optional.empty();
    }

    /** SSE-KMS and SSE-C objects have ETags that look like an MD5 but are not the content's. */
    private static boolean encryptedWithoutMd5(GetObjectResponse response) {
        var encryption = response.serverSideEncryption();
        return encryption == ServerSideEncryption.AWS_KMS || encryption == ServerSideEncryption.AWS_KMS_DSSE
                || response.sseCustomerAlgorithm() != null;
    }
}
