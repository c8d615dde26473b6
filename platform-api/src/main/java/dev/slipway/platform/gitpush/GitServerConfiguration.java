package dev.slipway.platform.gitpush;

import dev.slipway.build.source.SafeObjects;
import dev.slipway.build.source.SourceLimits;
import dev.slipway.platform.deployment.Deployer;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.system.SlipwayProperties;
import java.io.IOException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The git server: smart HTTP at {@code /git/<service>.git}. Authentication happens before it
 * (see the token filter); here a push to a service's deploy branch becomes a deployment.
 */
@Configuration(proxyBeanMethods = false)
class GitServerConfiguration {

    static final String PATH = "/git/*";
    private static final String SUFFIX = ".git";

    @Bean
    ServletRegistrationBean<GitServlet> gitServlet(GitRepositories repositories, ServiceRepository services,
                                                   Deployer deployer, ServiceRoutes routes, SourceLimits limits,
                                                   SlipwayProperties properties) {
        var maxPushBytes = properties.sources().maxPushSize().toBytes();
        var servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            var service = serviceName(name);
            var found = services.find(service).orElseThrow(() -> new RepositoryNotFoundException(name));
            if (found.source().type() != ServiceSource.Type.GIT_PUSH) {
                throw new ServiceNotEnabledException("service " + service + " deploys from its "
                        + found.source().type().wireName() + " source, not from git push");
            }
            try {
                return repositories.open(service).orElseThrow(() -> new RepositoryNotFoundException(name));
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        });
        servlet.setReceivePackFactory((request, repository) -> receivePack(repository, services, deployer, routes,
                limits, maxPushBytes));
        servlet.setUploadPackFactory((request, repository) -> new UploadPack(repository));
        var registration = new ServletRegistrationBean<>(servlet, PATH);
        registration.setName("git");
        return registration;
    }

    private static ReceivePack receivePack(Repository repository, ServiceRepository services, Deployer deployer,
                                           ServiceRoutes routes, SourceLimits limits, long maxPushBytes) {
        var service = serviceName(repository.getDirectory().getName());
        var pack = new ReceivePack(repository);
        // Checked as they arrive, before anything is stored: malformed objects, .git names, sizes.
        pack.setObjectChecker(SafeObjects.checker());
        pack.setMaxObjectSizeLimit(limits.maxFileBytes());
        pack.setMaxPackSizeLimit(maxPushBytes);
        pack.setAllowNonFastForwards(true);
        pack.setAllowDeletes(true);
        pack.setPreReceiveHook(new PushDeployHook(service, services, deployer, routes, limits));
        return pack;
    }

    private static String serviceName(String repositoryName) {
        return repositoryName.endsWith(SUFFIX)
                ? repositoryName.substring(0, repositoryName.length() - SUFFIX.length())
                : repositoryName;
    }
}
