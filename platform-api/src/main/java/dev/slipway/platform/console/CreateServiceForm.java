package dev.slipway.platform.console;

import dev.slipway.platform.service.S3Settings;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.service.lifecycle.CreateServiceRequest;
import java.util.stream.Stream;

/**
 * What the create-a-service form sends: the API's request, flattened into form fields. Blank fields are fields not
 * given, as in the API's JSON.
 *
 * @param sourceType {@code git-push}, {@code git} or {@code image}
 */
public record CreateServiceForm(String name, String sourceType, String url, String branch, String sourceDirectory,
                                String image, String s3Endpoint, String s3Region, String s3AccessKeyId,
                                String s3SecretAccessKey) {

    /** A new form: a service deployed by {@code git push} to {@code main}. */
    static final CreateServiceForm EMPTY = new CreateServiceForm("", ServiceSource.Type.GIT_PUSH.wireName(), "",
            ServiceSource.DEFAULT_BRANCH, "", "", "", "", "", "");

    public CreateServiceForm {
        sourceType = blank(sourceType) ? ServiceSource.Type.GIT_PUSH.wireName() : sourceType;
    }

    /** The API's request for this form: S3 settings only when a field of them is filled in. */
    CreateServiceRequest toRequest() {
        var s3 = Stream.of(s3Endpoint, s3Region, s3AccessKeyId, s3SecretAccessKey).allMatch(CreateServiceForm::blank)
                ? null : new S3Settings(trimmed(s3Endpoint), trimmed(s3Region), trimmed(s3AccessKeyId),
                        blank(s3SecretAccessKey) ? null : s3SecretAccessKey);
        return new CreateServiceRequest(trimmed(name), new CreateServiceRequest.SourceBody(sourceType, trimmed(url),
                trimmed(branch), trimmed(sourceDirectory), trimmed(image)), s3);
    }

    /** The form as shown again after a problem: all but the secret key, which the page never sends back. */
    CreateServiceForm withoutSecret() {
        return new CreateServiceForm(name, sourceType, url, branch, sourceDirectory, image, s3Endpoint, s3Region,
                s3AccessKeyId, "");
    }

    /** Whether the S3 part was filled in, so the page shows it open. */
    public boolean hasS3() {
        return !Stream.of(s3Endpoint, s3Region, s3AccessKeyId).allMatch(CreateServiceForm::blank);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}
