package dev.slipway.config;

import java.util.List;
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
        preRun = List.copyOf(preRun);
        env = List.copyOf(env);
        secrets = List.copyOf(secrets);
    }
}
