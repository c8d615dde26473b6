package dev.slipway.build.image.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to one Docker daemon ({@code DOCKER_HOST}, else the platform's default socket). Two
 * clients share the daemon: {@link #control()} for short calls, whose responses must arrive
 * within {@link #CONTROL_RESPONSE_TIMEOUT}, and {@link #streaming()} for builds, pulls, logs and
 * waits, which may stay silent for minutes and get no response timeout (callers enforce their
 * own deadlines). The API version is left to the daemon.
 */
public final class DockerClients implements AutoCloseable {

    /** How long opening a connection to the daemon may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a control call (inspect, create, remove, ...) may wait for its response. */
    public static final Duration CONTROL_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@link #isAvailable()} waits for the daemon to answer. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_CONNECTIONS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(DockerClients.class);

    private final URI dockerHost;
    private final DockerClient control;
    private final DockerClient streaming;
    private volatile int hostCpus;

    private DockerClients(DockerClientConfig config) {
        this.dockerHost = config.getDockerHost();
        this.control = client(config, CONNECT_TIMEOUT, CONTROL_RESPONSE_TIMEOUT);
        this.streaming = client(config, CONNECT_TIMEOUT, null);
    }

    /** Clients for {@code DOCKER_HOST} (or the Docker context), else the default socket. */
    public static DockerClients connect() {
        return new DockerClients(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /** Clients for a daemon address such as {@code unix:///var/run/docker.sock} or {@code tcp://host:2375}. */
    public static DockerClients connect(URI dockerHost) {
        return new DockerClients(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost.toString()).build());
    }

    /** Whether the default daemon answers a ping within {@link #PING_TIMEOUT}. */
    public static boolean isAvailable() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        try (var client = client(config, PING_TIMEOUT, PING_TIMEOUT)) {
            client.pingCmd().exec();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("no Docker daemon answers at {}: {}", config.getDockerHost(), e.toString());
            return false;
        }
    }

    /** Whether this daemon answers a ping within {@link #CONTROL_RESPONSE_TIMEOUT}. */
    public boolean ping() {
        try {
            control.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Docker daemon at {} does not answer: {}", dockerHost, e.toString());
            return false;
        }
    }

    /** The daemon's address, e.g. {@code unix:///var/run/docker.sock}. */
    public URI dockerHost() {
        return dockerHost;
    }

    /** The client for short calls; every response must arrive within {@link #CONTROL_RESPONSE_TIMEOUT}. */
    public DockerClient control() {
        return control;
    }

    /** The client for long streams (builds, pulls, logs, waits); it never times out a response. */
    public DockerClient streaming() {
        return streaming;
    }

    /** How many CPUs the daemon's host has (asked once); at least 1. */
    public int hostCpus() {
        if (hostCpus == 0) {
            var cpus = control.infoCmd().exec().getNCPU();
            hostCpus = cpus == null || cpus < 1 ? 1 : cpus;
        }
        return hostCpus;
    }

    @Override
    public void close() {
        try (control; streaming) {
            LOG.debug("closing Docker clients for {}", dockerHost);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close Docker clients for " + dockerHost, e);
        }
    }

    private static DockerClient client(DockerClientConfig config, Duration connectTimeout, Duration responseTimeout) {
        var http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }
}
