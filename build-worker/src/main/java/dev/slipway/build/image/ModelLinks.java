package dev.slipway.build.image;

import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.ModelSet;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a build's model files appear in the app directory: each one as a symbolic link at its
 * {@code target}, pointing at a copy the build keeps outside the app. The links never replace a
 * file of the source.
 */
public final class ModelLinks {

    private ModelLinks() {
    }

    /**
     * Each model's target, normalised ({@code ./models//a.bin} → {@code models/a.bin}), after
     * checking that no two models and no file of {@code sourceDirectory} claim the same path.
     *
     * @return normalised target → the model placed there, in target order
     * @throws BuildFailedException naming the path when a target is already taken by a file,
     *                              directory or link of the source, lies below a file of the
     *                              source, or is claimed by two models
     */
    public static Map<String, ModelObject> targets(Path sourceDirectory, ModelSet models) {
        var targets = new TreeMap<String, ModelObject>();
        var directories = new HashMap<String, ModelObject>();
        for (var model : models.objects()) {
            var target = normalise(model);
            requireFreeInSource(sourceDirectory, target, model);
            var other = targets.putIfAbsent(target, model);
            if (other != null) {
                throw clash(target, model, "the model " + other.uri() + " has the same target");
            }
            if (directories.containsKey(target)) {
                throw clash(target, model, "the model " + directories.get(target).uri() + " needs it as a directory");
            }
            for (var parent = parent(target); parent != null; parent = parent(parent)) {
                if (targets.containsKey(parent)) {
                    throw clash(target, model, "the model " + targets.get(parent).uri() + " is placed at " + parent);
                }
                directories.put(parent, model);
            }
        }
        return targets;
    }

    private static void requireFreeInSource(Path sourceDirectory, String target, ModelObject model) {
        var path = sourceDirectory;
        var names = target.split("/");
        for (int i = 0; i < names.length; i++) {
            path = path.resolve(names[i]);
            var last = i == names.length - 1;
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(path)) {
                return;
            }
            var relative = sourceDirectory.relativize(path).toString();
            if (last) {
                throw clash(target, model, "the source already has " + describe(path) + " " + relative);
            }
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw clash(target, model, "the source has " + describe(path) + " " + relative
                        + " where the model needs a directory");
            }
        }
    }

    private static String normalise(ModelObject model) {
        var normal = Path.of(model.target()).normalize().toString().replace('\\', '/');
        if (normal.isEmpty() || normal.startsWith("/") || normal.startsWith("..")) {
            throw new BuildFailedException("model " + model.uri() + " has target \"" + model.target()
                    + "\", which is not a file path inside the app");
        }
        return normal;
    }

    private static String parent(String target) {
        var slash = target.lastIndexOf('/');
        return slash < 0 ? null : target.substring(0, slash);
    }

    private static String describe(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a link";
        }
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "a directory" : "a file";
    }

    private static BuildFailedException clash(String target, ModelObject model, String reason) {
        return new BuildFailedException("model " + model.uri() + " cannot be placed at " + target + ": " + reason
                + "; remove it from the repository or choose another target in models:");
    }
}
