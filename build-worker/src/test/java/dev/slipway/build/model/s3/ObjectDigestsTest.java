package dev.slipway.build.model.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class ObjectDigestsTest {

    private static final String MD5 = "9a0364b9e99bb480dd25e1f0284c8555";
    private static final String SHA256 = "ed7002b439e9ac845f22357d822bac1444730fbdb6016d3ec9432297b9ec9f73";

    @Test
    void aFullObjectSha256IsDeclaredAsHex() {
        var response = GetObjectResponse.builder().eTag(quoted(MD5)).checksumSHA256(base64(SHA256))
                .checksumType(ChecksumType.FULL_OBJECT).build();

        var declared = ObjectDigests.declared(response);

        assertThat(declared.sha256()).contains(SHA256);
        assertThat(declared.md5()).contains(MD5);
    }

    @Test
    void aCompositeChecksumIsNotTheContentsSha256() {
        var response = GetObjectResponse.builder().checksumSHA256(base64(SHA256) + "-3")
                .checksumType(ChecksumType.COMPOSITE).build();

        assertThat(ObjectDigests.declared(response).sha256()).isEmpty();
    }

    @Test
    void aMultipartEtagIsNotAnMd5() {
        var response = GetObjectResponse.builder().eTag(quoted(MD5 + "-12")).build();

        assertThat(ObjectDigests.declared(response).md5()).isEmpty();
    }

    @Test
    void theEtagOfAnEncryptedObjectIsNotItsMd5() {
        var kms = GetObjectResponse.builder().eTag(quoted(MD5)).serverSideEncryption(ServerSideEncryption.AWS_KMS).build();
        var customerKey = GetObjectResponse.builder().eTag(quoted(MD5)).sseCustomerAlgorithm("AES256").build();
        var s3Managed = GetObjectResponse.builder().eTag(quoted(MD5)).serverSideEncryption(ServerSideEncryption.AES256).build();

        assertThat(ObjectDigests.declared(kms).md5()).isEmpty();
        assertThat(ObjectDigests.declared(customerKey).md5()).isEmpty();
        assertThat(ObjectDigests.declared(s3Managed).md5()).contains(MD5);
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
