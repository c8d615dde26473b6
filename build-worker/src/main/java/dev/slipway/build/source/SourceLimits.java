package dev.slipway.build.source;

/**
 * How much of a repository Slipway takes: a commit beyond any of these is refused before a file of
 * it is written (and a push beyond them before it is stored), so a hostile or mistaken repository
 * cannot fill the disk or exhaust the machine.
 *
 * @param maxFiles     files (and links) in the commit's tree
 * @param maxFileBytes the largest single file
 * @param maxTotalBytes all files together
 * @param maxDepth     directories nested in one another
 */
public record SourceLimits(int maxFiles, long maxFileBytes, long maxTotalBytes, int maxDepth) {

    private static final long MIB = 1024L * 1024;
    /** 100,000 files, 512 MiB per file, 2 GiB in all, 64 levels: far above real apps with their models. */
    public static final SourceLimits DEFAULTS = new SourceLimits(100_000, 512 * MIB, 2048 * MIB, 64);

    public SourceLimits {
        if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("source limits must be positive: " + maxFiles + " files, "
                    + maxFileBytes + " bytes per file, " + maxTotalBytes + " bytes in all, depth " + maxDepth);
        }
    }
}
