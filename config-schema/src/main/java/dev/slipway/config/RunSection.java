package dev.slipway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code run} section: the single start command, its network settings and its environment.
 * {@code env} and {@code secrets} reach only the running app.
 */
public record RunSection(
        Optional<String> runtimeVersion,
        List<String> preRun,
        String command,
        NetworkSection network,
        List<EnvVar> env,
        List<SecretRef> secrets) {

    public RunSection {
        Objects.requireNonNull(runtimeVersion, "runtimeVersion");
        preRun = List.copyOf(preRun);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(network, "network");
        env = List.copyOf(env);
        secrets = List.copyOf(secrets);
    }

    /** The running app's environment without secrets; see {@link #environment(Map)}. */
    public Map<String, String> environment() {
        return environment(Map.of());
    }

    /**
     * The running app's environment: {@code env} in file order, then the resolved secrets, then
     * {@code PORT} and the {@code network.env} variable, both set to the port. A later value wins
     * over an earlier one of the same name, so the port variables always carry the port.
     *
     * @param secretValues each {@code secrets} entry's name → its resolved value
     */
    public Map<String, String> environment(Map<String, String> secretValues) {
        var environment = new LinkedHashMap<String, String>();
        env.forEach(variable -> environment.put(variable.name(), variable.value()));
        secrets.stream().filter(secret -> secretValues.containsKey(secret.name()))
                .forEach(secret -> putLast(environment, secret.name(), secretValues.get(secret.name())));
        var port = Integer.toString(network.port());
        putLast(environment, NetworkSection.PORT_VARIABLE, port);
        network.env().ifPresent(name -> putLast(environment, name, port));
        return Collections.unmodifiableMap(environment);
    }

    /** Puts the entry at the end, so the map's order shows which value won. */
    private static void putLast(Map<String, String> environment, String name, String value) {
        environment.remove(name);
        environment.put(name, value);
    }
}
