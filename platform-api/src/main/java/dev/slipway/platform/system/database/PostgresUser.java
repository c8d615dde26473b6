package dev.slipway.platform.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Who the PostgreSQL server runs as. PostgreSQL refuses to start as root; when Slipway runs as
 * root, the server runs either in a user namespace where it appears as user {@code nobody} while
 * the kernel still treats its files as root's (so the data can stay under a home directory only
 * root can enter), or, where user namespaces are unavailable, as the real user {@code nobody}.
 */
enum PostgresUser {

    /** Slipway is not root: the server runs as Slipway's own user. */
    CURRENT,
    /** Root, inside a user namespace that maps {@code nobody} to root. */
    USER_NAMESPACE,
    /** Root dropping to the real user {@code nobody}. */
    NOBODY;

    private static final String NOBODY_ID = "65534";

    static PostgresUser forCurrentProcess() {
        if (!isRoot()) {
            return CURRENT;
        }
        return userNamespacesWork() ? USER_NAMESPACE : NOBODY;
    }

    /** The command line that runs {@code command} as this user. */
    List<String> wrap(List<String> command) {
        var wrapped = new ArrayList<String>();
        switch (this) {
            case CURRENT -> { }
            case USER_NAMESPACE -> wrapped.addAll(List.of(
                    "unshare", "--user", "--map-user=" + NOBODY_ID, "--map-group=" + NOBODY_ID, "--"));
            case NOBODY -> wrapped.addAll(List.of(
                    "setpriv", "--reuid=" + NOBODY_ID, "--regid=" + NOBODY_ID, "--clear-groups", "--"));
        }
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes {@code directory} and the password file usable by this user before initdb. */
    void prepare(Path directory, Path passwordFile) throws IOException {
        if (this != NOBODY) {
            return;
        }
        for (var dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var perms = Files.getPosixFilePermissions(dir);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL cannot run as root and this machine has no user "
                        + "namespaces, so it runs as user nobody, which cannot enter " + dir
                        + ". Set SLIPWAY_HOME to a directory outside it, or set SLIPWAY_DATABASE_URL to an "
                        + "external PostgreSQL.");
            }
        }
        run(List.of("chown", "-R", NOBODY_ID + ":" + NOBODY_ID, directory.toString()));
    }

    String describe() {
        return switch (this) {
            case CURRENT -> "";
            case USER_NAMESPACE -> ", running as nobody in a user namespace";
            case NOBODY -> ", running as user nobody";
        };
    }

    static void restrictToOwner(Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(file, ownerOnly);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"))
                || new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static boolean userNamespacesWork() {
        try {
            return run(USER_NAMESPACE.wrap(List.of("true"))) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int run(List<String> command) throws IOException {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
