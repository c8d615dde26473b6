package dev.slipway.platform.gitpush;

import dev.slipway.platform.deployment.PushedRepositories;
import dev.slipway.platform.system.SlipwayProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.springframework.stereotype.Component;

/** The bare repositories services are pushed to, one per service under {@code $SLIPWAY_HOME/git}. */
@Component
public class GitRepositories implements PushedRepositories {

    private final Path root;

    GitRepositories(SlipwayProperties properties) {
        this.root = properties.gitDirectory();
    }

    @Override
    public Path path(String service) {
        return root.resolve(service + ".git");
    }

    /** Creates the service's empty repository, whose default branch is {@code branch}. */
    public void create(String service, String branch) {
        var path = path(service);
        if (Files.exists(path)) {
            return;
        }
        try {
            Files.createDirectories(root);
            Git.init().setBare(true).setInitialBranch(branch).setDirectory(path.toFile()).call().close();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("cannot create git repository " + path + ": " + e.getMessage(), e);
        }
    }

    public void delete(String service) {
        var path = path(service);
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (var p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete git repository " + path, e);
        }
    }

    @Override
    public Optional<String> head(String service, String branch) {
        var path = path(service);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (Repository repository = open(path)) {
            var ref = repository.exactRef("refs/heads/" + branch);
            return Optional.ofNullable(ref).map(r -> r.getObjectId().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Repository> open(String service) throws IOException {
        var path = path(service);
        return Files.exists(path) ? Optional.of(open(path)) : Optional.empty();
    }

    private static Repository open(Path path) throws IOException {
        return new FileRepositoryBuilder().setGitDir(path.toFile()).setMustExist(true).build();
    }
}
