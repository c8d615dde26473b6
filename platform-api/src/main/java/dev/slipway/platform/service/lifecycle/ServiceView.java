package dev.slipway.platform.service.lifecycle;

import dev.slipway.platform.service.S3Settings;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.service.ServiceStatus;
import dev.slipway.platform.scaling.Scaling;
import java.time.Instant;
import java.util.Map;

/**
 * A service as the API shows it.
 *
 * @param url    where the service is served
 * @param source where its code comes from
 */
public record ServiceView(String name, ServiceStatus status, String statusReason, String url, SourceView source,
                   String activeDeploymentId, S3Settings s3, ScalingView scaling, Instant createdAt,
                   Instant updatedAt) {

    /**
     * The effective scaling settings, where each came from ({@code api}, {@code apprunner.yaml} or
     * {@code default}), and how many instances the autoscaler wants now (null before the first deployment).
     */
    public record ScalingView(int maxConcurrency, int minSize, int maxSize, Integer hardLimit, long stableWindowSeconds,
                       long scaleToZeroAfterSeconds, Map<String, String> sources, Integer desiredInstances) {

        static ScalingView of(Scaling scaling, Integer desired) {
            return new ScalingView(scaling.maxConcurrency(), scaling.minSize(), scaling.maxSize(),
                    scaling.hardLimit() == 0 ? null : scaling.hardLimit(), scaling.stableWindow().toSeconds(),
                    scaling.scaleToZeroAfter().toSeconds(), scaling.sources(), desired);
        }
    }

    /**
     * @param gitUrl for {@code git-push} services: where to push
     */
    public record SourceView(String type, String url, String branch, String sourceDirectory, String image, String gitUrl) {
    }

    static ServiceView of(Service service, String url, String gitUrl, ScalingView scaling) {
        var source = service.source();
        var push = source.type() == ServiceSource.Type.GIT_PUSH;
        var sourceView = new SourceView(source.type().wireName(), source.url().orElse(null),
                source.type() == ServiceSource.Type.IMAGE ? null : source.branch(),
                source.type() == ServiceSource.Type.IMAGE ? null : source.sourceDirectory(),
                source.image().orElse(null), push ? gitUrl : null);
        return new ServiceView(service.name(), service.status(), service.statusReason().orElse(null), url,
                sourceView, service.activeDeploymentId().orElse(null), service.s3().map(S3Settings::hidden).orElse(null),
                scaling, service.createdAt(), service.updatedAt());
    }
}
