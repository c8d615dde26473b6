package dev.slipway.build.model;

import dev.slipway.config.ModelSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where one object lands in the app: a source naming one key lands at its target; each object
 * under a prefix lands at the target joined with its key relative to the prefix.
 *
 * @param object the object
 * @param target its path relative to the app directory
 */
record Placement(ObjectIdentity object, String target) {

    private static final String SEPARATOR = "/";

    /** Where the objects a source resolved to land. */
    static List<Placement> of(ModelSource source, List<ObjectIdentity> objects) {
        if (!source.isPrefix()) {
            return objects.stream().map(object -> new Placement(object, source.target())).toList();
        }
        var placements = new ArrayList<Placement>();
        for (var object : objects) {
            var relative = normalize(object.key().substring(source.key().length()));
            if (Arrays.asList(relative.split(SEPARATOR)).contains("..")) {
                throw new ModelFetchException(object.uri() + " under " + source.source()
                        + " has a '..' in its key, which would land outside " + source.target()
                        + "; rename the object in the store");
            }
            if (!relative.isEmpty()) {
                placements.add(new Placement(object, source.target() + SEPARATOR + relative));
            }
        }
        return placements;
    }

    /**
     * Fails when two objects land on the same path, or one lands where another needs a
     * directory.
     */
    static void checkDistinct(List<Placement> placements) {
        var byTarget = new HashMap<String, Placement>();
        for (var placement : placements) {
            var other = byTarget.putIfAbsent(placement.target(), placement);
            if (other != null) {
                throw conflict(other, placement, "both land on " + placement.target());
            }
        }
        for (var placement : placements) {
            var target = placement.target();
            for (int slash = target.indexOf('/'); slash > 0; slash = target.indexOf('/', slash + 1)) {
                var file = byTarget.get(target.substring(0, slash));
                if (file != null) {
                    throw conflict(file, placement, file.target() + " is a file but " + target + " needs it to be a directory");
                }
            }
        }
    }

    private static ModelFetchException conflict(Placement first, Placement second, String what) {
        return new ModelFetchException("models " + first.object().uri() + " and " + second.object().uri()
                + " collide: " + what + "; give the models: entries different targets");
    }

    private static String normalize(String relative) {
        return Arrays.stream(relative.split(SEPARATOR))
                .filter(segment -> !segment.isEmpty() && !segment.equals("."))
                .collect(Collectors.joining(SEPARATOR));
    }
}
