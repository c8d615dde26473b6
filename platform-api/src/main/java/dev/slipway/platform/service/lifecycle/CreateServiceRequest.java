package dev.slipway.platform.service.lifecycle;

import dev.slipway.platform.service.S3Settings;
import dev.slipway.platform.service.ServiceName;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What creating a service asks for: the body of {@code POST /api/v1/services}, and what the console's form sends.
 * Its checks are the only ones creating a service makes; each problem names the field it concerns.
 */
public record CreateServiceRequest(String name, SourceBody source, S3Settings s3) {

    /** The name, checked. @throws InvalidRequestException naming the rule, when it breaks it */
    public String validName() {
        return ServiceName.requireValid(name);
    }

    /** @throws InvalidRequestException when the endpoint is not an http(s) URL */
    public Optional<S3Settings> toS3Settings() {
        if (s3 == null) {
            return Optional.empty();
        }
        if (s3.endpoint() != null && !s3.endpoint().isBlank() && !s3.endpoint().matches("https?://[^\\s/]+(/.*)?")) {
            throw new InvalidRequestException("s3.endpoint", "s3.endpoint must be an http:// or https:// URL, e.g. "
                    + "http://minio.internal:9000, not '" + s3.endpoint() + "'");
        }
        if ((s3.accessKeyId() == null) != (s3.secretAccessKey() == null)) {
            throw new InvalidRequestException(s3.accessKeyId() == null ? "s3.accessKeyId" : "s3.secretAccessKey",
                    "s3.accessKeyId and s3.secretAccessKey go together: give both or neither");
        }
        return Optional.of(s3);
    }

    /** {@code {"type": "git-push" | "git" | "image", "url", "branch", "sourceDirectory", "image"}}. */
    public record SourceBody(String type, String url, String branch, String sourceDirectory, String image) {
    }

    /** @throws InvalidRequestException naming the field that is missing or wrong */
    public ServiceSource toSource() {
        if (source == null || source.type() == null) {
            return ServiceSource.gitPush();
        }
        var type = ServiceSource.Type.fromWireName(source.type()).orElseThrow(() -> new InvalidRequestException(
                "source.type", "source.type '" + source.type() + "' is unknown; use one of "
                + Arrays.stream(ServiceSource.Type.values()).map(ServiceSource.Type::wireName)
                        .collect(Collectors.joining(", "))));
        var branch = blankToNull(source.branch()) == null ? ServiceSource.DEFAULT_BRANCH : source.branch();
        var directory = source.sourceDirectory() == null ? "" : source.sourceDirectory().replaceAll("^/+|/+$", "");
        if (directory.contains("..")) {
            throw new InvalidRequestException("source.sourceDirectory", "source.sourceDirectory must stay inside the "
                    + "repository, not '" + source.sourceDirectory() + "'");
        }
        return switch (type) {
            case GIT_PUSH -> new ServiceSource(type, Optional.empty(), branch, directory, Optional.empty());
            case GIT -> new ServiceSource(type, Optional.of(require(source.url(), "source.url",
                    "the repository to fetch, e.g. https://github.com/you/app.git")), branch, directory, Optional.empty());
            case IMAGE -> new ServiceSource(type, Optional.empty(), branch, "", Optional.of(
                    require(source.image(), "source.image", "the image to run, e.g. registry.example.com/app:1.0")));
        };
    }

    /**
     * Every problem at once, one per part (name, source, S3 settings) in that order, for a form that shows them all;
     * empty when the request can be created.
     */
    public List<InvalidRequestException> problems() {
        var problems = new ArrayList<InvalidRequestException>();
        for (Supplier<?> check : List.<Supplier<?>>of(this::validName, this::toSource, this::toS3Settings)) {
            try {
                check.get();
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    private static String require(String value, String field, String what) {
        if (blankToNull(value) == null) {
            throw new InvalidRequestException(field, field + " is required: " + what);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
