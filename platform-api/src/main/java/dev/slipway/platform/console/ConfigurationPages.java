package dev.slipway.platform.console;

import dev.slipway.config.AppRunnerYamlParser;
import dev.slipway.config.SecretRef;
import dev.slipway.platform.deployment.Deployment;
import dev.slipway.platform.deployment.DeploymentRepository;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.service.lifecycle.ServiceOperations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gathers a service's configuration tab: its active deployment's apprunner.yaml and environment, its scaling. */
@Component
class ConfigurationPages {

    private final DeploymentRepository deployments;
    private final ServiceOperations operations;

    ConfigurationPages(DeploymentRepository deployments, ServiceOperations operations) {
        this.deployments = deployments;
        this.operations = operations;
    }

    ConfigurationPage of(Service service, ServiceHeader header) {
        var active = service.activeDeploymentId().flatMap(deployments::find);
        var deployed = active.map(d -> new ConfigurationPage.Deployed(d.id(), d.number(),
                d.commit().map(ConsoleFormat::shortCommit).orElse(null),
                d.commitMessage().orElse(null))).orElse(null);
        var config = active.flatMap(d -> d.configFile().flatMap(file -> d.configText()
                .map(text -> ValidatedYaml.of(file, text)))).orElse(null);
        return new ConfigurationPage(deployed, config, config == null ? noConfig(service, active.orElse(null)) : null,
                service.source().sourceDirectory(), operations.scaling(service), service.paused(),
                active.map(ConfigurationPages::environment).orElse(List.of()),
                active.isEmpty() ? PushHelp.of(header, service) : null);
    }

    private static String noConfig(Service service, Deployment active) {
        if (service.source().type() == ServiceSource.Type.IMAGE) {
            return "This service runs the image " + service.source().image().orElse("") + " as it is: there is no "
                    + "apprunner.yaml.";
        }
        if (active == null) {
            return "Nothing is deployed yet. The apprunner.yaml of the first deployment shows here.";
        }
        return "Deployment #" + active.number() + " has no apprunner.yaml: it was built from a Dockerfile, a Makefile "
                + "or a Procfile (or before Slipway kept the file of each deployment).";
    }

    /** The variables the artifact starts with, and the file's secrets by name only. */
    private static List<ConfigurationPage.EnvVariable> environment(Deployment deployment) {
        var secrets = secretNames(deployment);
        var variables = new ArrayList<ConfigurationPage.EnvVariable>();
        deployment.artifact().ifPresent(artifact -> artifact.run().env().forEach((name, value) ->
                variables.add(new ConfigurationPage.EnvVariable(name, secrets.contains(name) ? null : value))));
        secrets.stream().filter(s -> variables.stream().noneMatch(v -> v.name().equals(s)))
                .forEach(s -> variables.add(new ConfigurationPage.EnvVariable(s, null)));
        variables.sort(Comparator.comparing(ConfigurationPage.EnvVariable::name));
        return variables;
    }

    private static Set<String> secretNames(Deployment deployment) {
        return deployment.configFile().flatMap(file -> deployment.configText()
                        .flatMap(text -> AppRunnerYamlParser.parse(file, text).config()))
                .map(config -> config.run().secrets().stream().map(SecretRef::name).collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
