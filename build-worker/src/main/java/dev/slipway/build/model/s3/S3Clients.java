package dev.slipway.build.model.s3;

import dev.slipway.build.model.ModelFetchException;
import dev.slipway.build.model.StoreAccess;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3 client per {@link StoreAccess}, kept for reuse. Clients share one scheduler, so a client
 * dropped from the cache holds nothing that needs closing.
 */
final class S3Clients implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a transfer may stall before the attempt fails. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** Attempts per request, including the first; the SDK backs off between them. */
    static final int MAX_ATTEMPTS = 4;
    static final int MAX_CLIENTS = 16;
    private static final float LOAD_FACTOR = 0.75f;
    private static final int SCHEDULER_THREADS = 2;

    private final ScheduledExecutorService scheduler;
    private final Map<StoreAccess, S3Connection> clients = new LinkedHashMap<>(MAX_CLIENTS, LOAD_FACTOR, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StoreAccess, S3Connection> eldest) {
            // Not closed: a build may still be using it, and with the shared scheduler and
            // URLConnection transport there is nothing to release.
            return size() > MAX_CLIENTS;
        }
    };

    S3Clients() {
        var threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, task -> {
            var thread = new Thread(task, "s3-scheduler-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized S3Connection forAccess(StoreAccess access) {
        return clients.computeIfAbsent(access, key -> new S3Connection(create(key)));
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(connection -> connection.s3().close());
        clients.clear();
        scheduler.shutdownNow();
    }

    private S3Client create(StoreAccess access) {
        var builder = S3Client.builder()
                .region(Region.of(access.region()))
                .credentialsProvider(credentials(access))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                // S3-compatible stores (Ceph, R2, older MinIO, s3proxy) reject or mangle the
                // checksums the SDK would add to every request by default.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS).build())
                        .scheduledExecutorService(scheduler)
                        .build());
        access.endpoint().ifPresent(endpoint -> builder.endpointOverride(checked(endpoint)).forcePathStyle(true));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StoreAccess access) {
        var id = access.accessKeyId();
        var secret = access.secretAccessKey();
        if (id.isEmpty() && secret.isEmpty()) {
            return AnonymousCredentialsProvider.create();
        }
        if (id.isEmpty() || secret.isEmpty()) {
            throw new ModelFetchException("only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set"
                    + "; set both, or neither for anonymous access");
        }
        var credentials = access.sessionToken().isPresent()
                ? AwsSessionCredentials.create(id.get(), secret.get(), access.sessionToken().get())
                : AwsBasicCredentials.create(id.get(), secret.get());
        return StaticCredentialsProvider.create(credentials);
    }

    private static URI checked(URI endpoint) {
        var scheme = endpoint.getScheme();
        if (endpoint.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new ModelFetchException("the S3 endpoint " + endpoint + " is not an http:// or https:// URL"
                    + " with a host; set AWS_ENDPOINT_URL_S3 to e.g. http://minio:9000");
        }
        return endpoint;
    }
}
