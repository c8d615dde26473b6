package dev.slipway.build.model.s3;

import dev.slipway.build.model.ModelFetchException;
import dev.slipway.build.model.ObjectIdentity;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.config.ModelSource;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns what S3 answered into messages that say what is wrong and what to do. HEAD answers carry
 * no error code, so a failed HEAD is followed by a listing or a bucket check to tell why.
 */
final class S3Failures {

    private static final int MOVED = 301;
    private static final int BAD_REQUEST = 400;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;
    private static final String NO_SUCH_BUCKET = "NoSuchBucket";
    private static final String INVALID_ACCESS_KEY = "InvalidAccessKeyId";
    private static final String BAD_SIGNATURE = "SignatureDoesNotMatch";
    private static final String WRONG_REGION = "AuthorizationHeaderMalformed";
    private static final String CREDENTIALS = "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the service's S3 settings)";

    private final S3Client s3;
    private final StoreAccess access;

    S3Failures(S3Client s3, StoreAccess access) {
        this.s3 = s3;
        this.access = access;
    }

    ModelFetchException explain(ModelSource source, SdkException failure) {
        if (!(failure instanceof S3Exception answer)) {
            return unreachable(source.source(), failure);
        }
        var code = code(answer).or(() -> probe(source));
        if (answer.statusCode() == NOT_FOUND || code.filter(NO_SUCH_BUCKET::equals).isPresent()) {
            return missing(source, answer);
        }
        return refused(source.source(), answer, code);
    }

    ModelFetchException explainDownload(ObjectIdentity object, SdkException failure) {
        if (!(failure instanceof S3Exception answer)) {
            return unreachable(object.uri(), failure);
        }
        if (answer.statusCode() == PRECONDITION_FAILED) {
            return new ModelFetchException(object.uri() + " changed while it was being fetched (it no longer has"
                    + " ETag " + object.etag() + "); deploy again to fetch the new version", failure);
        }
        if (answer.statusCode() == NOT_FOUND) {
            return new ModelFetchException(object.uri() + " (version " + object.version() + ") was deleted while"
                    + " it was being fetched; upload it again or fix the models: entry, then deploy again", failure);
        }
        return refused(object.uri(), answer, code(answer));
    }

    ModelFetchException nothingUnder(ModelSource source) {
        return new ModelFetchException("there are no objects under " + source.source() + " " + where()
                + "; check the prefix (keys are case-sensitive) or upload the model files there");
    }

    private ModelFetchException missing(ModelSource source, S3Exception answer) {
        try {
            return missingWhat(source, answer);
        } catch (SdkException e) {
            return new ModelFetchException(source.source() + " was not found " + where()
                    + "; check the bucket and key in the models: entry", answer);
        }
    }

    private ModelFetchException missingWhat(ModelSource source, S3Exception answer) {
        if (!bucketExists(source.bucket())) {
            return new ModelFetchException("the bucket " + source.bucket() + " of " + source.source()
                    + " does not exist " + where() + "; fix the bucket name in the models: entry or create it", answer);
        }
        if (!source.isPrefix() && hasObjectsUnder(source.bucket(), source.key() + "/")) {
            return new ModelFetchException(source.source() + " is a folder, not an object; write "
                    + source.source() + "/ (with a trailing slash) to fetch every object under it", answer);
        }
        return new ModelFetchException("there is no object " + source.source() + " " + where()
                + "; check the key (keys are case-sensitive) or upload the object", answer);
    }

    private ModelFetchException refused(String uri, S3Exception answer, Optional<String> code) {
        var status = " (HTTP " + answer.statusCode() + code.map(c -> " " + c).orElse("") + ")";
        if (code.filter(INVALID_ACCESS_KEY::equals).isPresent()) {
            return new ModelFetchException("the store " + where() + " does not know the access key id used to read "
                    + uri + status + "; check AWS_ACCESS_KEY_ID (or the service's S3 settings)", answer);
        }
        if (code.filter(BAD_SIGNATURE::equals).isPresent()) {
            return new ModelFetchException("the store " + where() + " rejected the request signature for " + uri
                    + status + ": the secret key does not match the access key id; check AWS_SECRET_ACCESS_KEY"
                    + " (or the service's S3 settings)", answer);
        }
        if (answer.statusCode() == FORBIDDEN && access.accessKeyId().isEmpty()) {
            return new ModelFetchException("anonymous access to " + uri + " was denied " + where() + status
                    + "; set " + CREDENTIALS, answer);
        }
        if (answer.statusCode() == FORBIDDEN) {
            return new ModelFetchException("access to " + uri + " was denied " + where() + status + "; check "
                    + CREDENTIALS + " and that they may s3:GetObject and s3:ListBucket there", answer);
        }
        if (answer.statusCode() == MOVED || code.filter(WRONG_REGION::equals).isPresent()
                || (answer.statusCode() == BAD_REQUEST && access.endpoint().isEmpty())) {
            return new ModelFetchException(uri + " is not in region " + access.region() + status
                    + "; set AWS_REGION to the bucket's region", answer);
        }
        return new ModelFetchException("the store " + where() + " refused to read " + uri + status + ": "
                + Optional.ofNullable(answer.awsErrorDetails().errorMessage()).orElse(answer.getMessage())
                + "; check the models: entry and the store", answer);
    }

    private ModelFetchException unreachable(String uri, SdkException failure) {
        return new ModelFetchException("cannot reach the S3 store " + where() + " to read " + uri + ": "
                + failure.getMessage() + "; check AWS_ENDPOINT_URL_S3 and that the store is up", failure);
    }

    /** A listing answers with an error code where a HEAD cannot. */
    private Optional<String> probe(ModelSource source) {
        try {
            hasObjectsUnder(source.bucket(), source.key());
            return Optional.empty();
        } catch (S3Exception e) {
            return code(e);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private boolean bucketExists(String bucket) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            return e.statusCode() != NOT_FOUND;
        }
    }

    private boolean hasObjectsUnder(String bucket, String prefix) {
        return !s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix).maxKeys(1)).contents().isEmpty();
    }

    private String where() {
        return access.endpoint().map(endpoint -> "at " + endpoint).orElse("in AWS region " + access.region());
    }

    private static Optional<String> code(S3Exception answer) {
        return Optional.ofNullable(answer.awsErrorDetails()).map(AwsErrorDetails::errorCode)
                .filter(code -> !code.isBlank());
    }
}
