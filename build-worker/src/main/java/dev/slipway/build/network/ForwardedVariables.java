package dev.slipway.build.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The variables of Slipway's environment that reach build commands: the proxies, given in both
 * upper and lower case since tools differ in which they read (when Slipway has both, the lower-case
 * one wins, as with curl), and the settings that point package managers at a company's mirrors.
 *
 * @param proxies by upper-case name, those of {@link #PROXIES} that are set
 * @param indexes those of {@link #INDEXES} that are set, under the name they were given
 */
public record ForwardedVariables(Map<String, String> proxies, Map<String, String> indexes) {

    /** The proxy variables, by upper-case name. */
    public static final List<String> PROXIES = List.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY");
    /** Package index and module proxy settings of pip, npm, yarn and Go. */
    public static final List<String> INDEXES = List.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST",
            "NPM_CONFIG_REGISTRY", "npm_config_registry", "YARN_REGISTRY", "GOPROXY", "GOPRIVATE", "GONOPROXY",
            "GONOSUMDB", "GOSUMDB");
    /** Forwards nothing. */
    public static final ForwardedVariables NONE = new ForwardedVariables(Map.of(), Map.of());

    public ForwardedVariables {
        proxies = Map.copyOf(proxies);
        indexes = Map.copyOf(indexes);
    }

    /** Picks the forwarded variables out of {@code environment}; blank values count as unset. */
    public static ForwardedVariables from(Map<String, String> environment) {
        var proxies = new LinkedHashMap<String, String>();
        for (var name : PROXIES) {
            value(environment, name.toLowerCase(Locale.ROOT)).or(() -> value(environment, name))
                    .ifPresent(value -> proxies.put(name, value));
        }
        var indexes = new LinkedHashMap<String, String>();
        INDEXES.forEach(name -> value(environment, name).ifPresent(value -> indexes.put(name, value)));
        return new ForwardedVariables(proxies, indexes);
    }

    /** The proxy variables, each under its upper- and lower-case name. */
    public Map<String, String> proxyEnvironment() {
        var env = new LinkedHashMap<String, String>();
        PROXIES.stream().filter(proxies::containsKey).forEach(name -> {
            env.put(name, proxies.get(name));
            env.put(name.toLowerCase(Locale.ROOT), proxies.get(name));
        });
        return env;
    }

    /** The JVM options that make Java use the proxies, when there are any. */
    public Optional<String> javaOptions() {
        return JavaProxyOptions.of(Optional.ofNullable(proxies.get("HTTP_PROXY")),
                Optional.ofNullable(proxies.get("HTTPS_PROXY")), Optional.ofNullable(proxies.get("NO_PROXY")));
    }

    /** Passwords in the variables' URLs, to be masked wherever output is shown. */
    public List<String> secretValues() {
        return Stream.concat(proxies.values().stream(), indexes.values().stream())
                .flatMap(value -> UrlPasswords.in(value).stream()).distinct().toList();
    }

    public boolean isEmpty() {
        return proxies.isEmpty() && indexes.isEmpty();
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank()).map(String::strip);
    }
}
