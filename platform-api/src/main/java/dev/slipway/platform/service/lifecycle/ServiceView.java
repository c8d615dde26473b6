package dev.slipway.platform.service.lifecycle;

import dev.slipway.platform.service.S3Settings;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.service.ServiceStatus;
import java.time.Instant;

/**
 * A service as the API shows it.
 *
 * @param url    where the service is served
 * @param source where its code comes from
 */
record ServiceView(String name, ServiceStatus status, String statusReason, String url, SourceView source,
                   String activeDeploymentId, S3Settings s3, Instant createdAt, Instant updatedAt) {

    /**
     * @param gitUrl for {@code git-push} services: where to push
     */
    record SourceView(String type, String url, String branch, String sourceDirectory, String image, String gitUrl) {
    }

    static ServiceView of(Service service, String url, String gitUrl) {
        var source = service.source();
        var push = source.type() == ServiceSource.Type.GIT_PUSH;
        var sourceView = new SourceView(source.type().wireName(), source.url().orElse(null),
                source.type() == ServiceSource.Type.IMAGE ? null : source.branch(),
                source.type() == ServiceSource.Type.IMAGE ? null : source.sourceDirectory(),
                source.image().orElse(null), push ? gitUrl : null);
        return new ServiceView(service.name(), service.status(), service.statusReason().orElse(null), url,
                sourceView, service.activeDeploymentId().orElse(null), service.s3().map(S3Settings::hidden).orElse(null),
                service.createdAt(), service.updatedAt());
    }
}
