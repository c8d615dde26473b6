package dev.slipway.config;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry of the top-level {@code models} list (a Slipway extension): an S3 object, or every
 * object under an S3 prefix, fetched into the app directory before the build commands run.
 *
 * @param source an {@code s3://bucket/key} or {@code s3://bucket/prefix/} URI; a key ending in
 *               {@code /} (or no key at all) is a prefix
 * @param target where the object or prefix lands, relative to the app directory; stored
 *               normalized ({@code ./models/} becomes {@code models})
 */
public record ModelSource(String source, String target) {

    /** The only scheme a source may use. */
    public static final String SCHEME = "s3://";

    /** S3's bucket naming rule: 3 to 63 lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final String SEPARATOR = "/";
    private static final String CURRENT = ".";
    private static final String PARENT = "..";

    /** @throws IllegalArgumentException when the source is not an S3 URI or the target leaves the app */
    public ModelSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!isS3Uri(source)) {
            throw new IllegalArgumentException("not an s3:// URI with a bucket: " + source);
        }
        if (!staysInsideTheApp(target)) {
            throw new IllegalArgumentException("not a path inside the app: " + target);
        }
        target = normalize(target);
    }

    /** Whether {@code text} is {@code s3://} followed by a valid bucket name and, optionally, {@code /key}. */
    public static boolean isS3Uri(String text) {
        if (!text.startsWith(SCHEME)) {
            return false;
        }
        var rest = text.substring(SCHEME.length());
        var slash = rest.indexOf('/');
        var bucket = slash < 0 ? rest : rest.substring(0, slash);
        return BUCKET.matcher(bucket).matches();
    }

    /**
     * Whether {@code path} is relative, names something ({@code .} alone does not), and has no
     * {@code ..} segment, so it cannot reach outside the app directory.
     */
    public static boolean staysInsideTheApp(String path) {
        if (path.startsWith(SEPARATOR) || path.contains("\\") || path.indexOf('\0') >= 0) {
            return false;
        }
        var segments = path.split(SEPARATOR);
        return Arrays.stream(segments).noneMatch(PARENT::equals) && !normalize(path).isEmpty();
    }

    /** The path without {@code .} segments, empty segments and trailing slashes. */
    static String normalize(String path) {
        return Arrays.stream(path.split(SEPARATOR))
                .filter(segment -> !segment.isEmpty() && !segment.equals(CURRENT))
                .collect(Collectors.joining(SEPARATOR));
    }

    /** The bucket, e.g. {@code my-models}. */
    public String bucket() {
        var rest = source.substring(SCHEME.length());
        var slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The object key or prefix after the bucket, without the leading slash; empty for a whole bucket. */
    public String key() {
        var rest = source.substring(SCHEME.length());
        var slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1);
    }

    /** Whether the source names every object under a prefix rather than one object. */
    public boolean isPrefix() {
        return key().isEmpty() || key().endsWith(SEPARATOR);
    }
}
