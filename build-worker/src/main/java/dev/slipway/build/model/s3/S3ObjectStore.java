package dev.slipway.build.model.s3;

import dev.slipway.build.model.DeclaredDigests;
import dev.slipway.build.model.ModelFetchException;
import dev.slipway.build.model.ObjectIdentity;
import dev.slipway.build.model.ObjectStore;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.config.ModelSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Resolves model sources with HEAD and ListObjectsV2, and streams exact object versions. */
final class S3ObjectStore implements ObjectStore {

    /** Keys per ListObjectsV2 page; S3's own maximum. */
    static final int PAGE_SIZE = 1000;
    /** How long one HEAD or listing attempt may take; downloads are bounded by the read timeout. */
    static final Duration METADATA_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    private static final String DIRECTORY_MARKER_SUFFIX = "/";
    /** The version id S3 reports for objects written while versioning was off or suspended. */
    private static final String NULL_VERSION = "null";

    /** What stores that do not know {@code x-amz-checksum-mode} answer to it. */
    private static final int NOT_IMPLEMENTED = 501;

    private final S3Connection connection;
    private final S3Client s3;
    private final String endpoint;
    private final S3Failures failures;
    private final int pageSize;

    S3ObjectStore(S3Connection connection, StoreAccess access) {
        this(connection, access, PAGE_SIZE);
    }

    S3ObjectStore(S3Connection connection, StoreAccess access, int pageSize) {
        this.connection = connection;
        this.s3 = connection.s3();
        this.endpoint = access.endpoint().map(S3ObjectStore::label).orElse(ObjectIdentity.AWS);
        this.failures = new S3Failures(s3, access);
        this.pageSize = pageSize;
    }

    @Override
    public List<ObjectIdentity> resolve(ModelSource source) {
        try {
            return source.isPrefix() ? list(source) : List.of(head(source));
        } catch (SdkException e) {
            throw failures.explain(source, e);
        }
    }

    @Override
    public DeclaredDigests download(ObjectIdentity object, OutputStream out) throws IOException {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = get(object);
        } catch (SdkException e) {
            throw failures.explainDownload(object, e);
        }
        try (in) {
            in.transferTo(out);
            return ObjectDigests.declared(in.response());
        } catch (SdkException e) {
            // Broke off mid-transfer (or the SDK's own checksum check failed): worth another try.
            throw new IOException(e.getMessage(), e);
        }
    }

    private ResponseInputStream<GetObjectResponse> get(ObjectIdentity object) {
        var checksumMode = connection.checksumMode();
        try {
            return s3.getObject(getRequest(object, checksumMode));
        } catch (S3Exception e) {
            if (!checksumMode || e.statusCode() != NOT_IMPLEMENTED) {
                throw e;
            }
            // Some S3-compatible stores reject the checksum header; they keep no checksums anyway.
            connection.refuseChecksumMode();
            return s3.getObject(getRequest(object, false));
        }
    }

    private static GetObjectRequest getRequest(ObjectIdentity object, boolean checksumMode) {
        var request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (checksumMode) {
            request.checksumMode(ChecksumMode.ENABLED);
        }
        // Exactly the version that was resolved: a version id, or else the ETag must still match.
        object.versionId().ifPresentOrElse(request::versionId, () -> request.ifMatch(quoted(object.etag())));
        return request.build();
    }

    private ObjectIdentity head(ModelSource source) {
        return head(source.bucket(), source.key());
    }

    private ObjectIdentity head(String bucket, String key) {
        var head = s3.headObject(HeadObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(METADATA_ATTEMPT_TIMEOUT))
                .build());
        if (head.eTag() == null || head.contentLength() == null) {
            throw new ModelFetchException("the store describes s3://" + bucket + "/" + key + " without an ETag or"
                    + " a size, which caching needs; use an S3-compatible store that returns both");
        }
        return new ObjectIdentity(endpoint, bucket, key, version(head.versionId()), head.eTag(), head.contentLength());
    }

    private List<ObjectIdentity> list(ModelSource source) {
        var pages = s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                .bucket(source.bucket())
                .prefix(source.key())
                .maxKeys(pageSize)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(METADATA_ATTEMPT_TIMEOUT))
                .build());
        var objects = pages.contents().stream()
                .filter(object -> !isDirectoryMarker(object))
                .map(object -> identity(source.bucket(), object))
                .toList();
        if (objects.isEmpty()) {
            throw failures.nothingUnder(source);
        }
        return objects;
    }

    private ObjectIdentity identity(String bucket, S3Object object) {
        if (object.size() == null || object.eTag() == null) {
            // Some stores list objects without them; a HEAD still tells.
            return head(bucket, object.key());
        }
        return new ObjectIdentity(endpoint, bucket, object.key(), Optional.empty(), object.eTag(), object.size());
    }

    /** A zero-byte key ending in {@code /}; some stores list these without a size. */
    private static boolean isDirectoryMarker(S3Object object) {
        return object.key().endsWith(DIRECTORY_MARKER_SUFFIX) && (object.size() == null || object.size() == 0);
    }

    /**
     * The version id when it names exactly one version: the "null" version is overwritten in
     * place, so its ETag and size identify the content instead.
     */
    private static Optional<String> version(String versionId) {
        return Optional.ofNullable(versionId).filter(id -> !id.isEmpty() && !NULL_VERSION.equals(id));
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    private static String label(URI endpoint) {
        var text = endpoint.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
