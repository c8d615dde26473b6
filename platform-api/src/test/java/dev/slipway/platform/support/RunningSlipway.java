package dev.slipway.platform.support;

import dev.slipway.platform.SlipwayApplication;
import dev.slipway.platform.instance.InstanceRepository;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.HostEnvironment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole single-node Slipway started in the test's JVM: embedded PostgreSQL, REST API, git server
 * and router on free ports, with all state under one home directory (so a second instance on the
 * same home is a restart).
 */
public final class RunningSlipway implements AutoCloseable {

    public static final String TOKEN = "test-admin-token";

    private final ConfigurableApplicationContext context;
    private final Path home;

    private RunningSlipway(ConfigurableApplicationContext context, Path home) {
        this.context = context;
        this.home = home;
    }

    /** Starts Slipway on {@code home} with the given runtime ({@code process} or {@code docker}). */
    public static RunningSlipway start(Path home, String runtime, Map<String, String> extra) {
        return start(home, runtime, extra, HostEnvironment.system());
    }

    /**
     * Starts Slipway as if its environment were {@code environment} (e.g. with {@code HTTPS_PROXY}),
     * which this JVM's own cannot be made.
     */
    public static RunningSlipway start(Path home, String runtime, Map<String, String> extra,
                                       HostEnvironment environment) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("server.port", "0");
        properties.put("slipway.home", home.toString());
        properties.put("slipway.runtime", runtime);
        properties.put("slipway.admin-token", TOKEN);
        properties.put("slipway.router.port", "0");
        properties.put("slipway.router.bind", "127.0.0.1");
        properties.put("slipway.router.mode", "embedded");
        properties.put("slipway.router.control-port", "0");
        properties.put("slipway.deployments.drain-timeout", "10s");
        properties.putAll(extra);
        // As command-line arguments they override application.properties, as an operator's would.
        var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        var context = new SpringApplicationBuilder(SlipwayApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("hostEnvironment", environment))
                .run(args);
        return new RunningSlipway(context, home);
    }

    public static RunningSlipway start(Path home, String runtime) {
        return start(home, runtime, Map.of());
    }

    public Path home() {
        return home;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public int routerPort() {
        return context.getBean(ServiceRoutes.class).routerPort();
    }

    public SlipwayApi api() {
        return new SlipwayApi(baseUrl(), TOKEN);
    }

    public String gitUrl(String service) {
        return baseUrl() + "/git/" + service + ".git";
    }

    /** Requests to a service through the router, as its users send them. */
    public ServiceClient service(String name) {
        return new ServiceClient(routerPort(), name + ".localhost");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops Slipway and every app it started, so no container or process outlives the test. */
    @Override
    public void close() {
        try {
            var runtime = context.getBean(ContainerRuntime.class);
            var instances = context.getBean(InstanceRepository.class);
            for (var service : context.getBean(ServiceRepository.class).findAll()) {
                instances.listNotStopped(service.id()).forEach(i -> i.containerId().ifPresent(runtime::stop));
            }
        } finally {
            context.close();
        }
    }

    /** Stops Slipway as an operator would, leaving its apps running for the next start to adopt. */
    public void closeKeepingApps() {
        context.close();
    }
}
