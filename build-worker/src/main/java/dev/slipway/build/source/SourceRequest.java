package dev.slipway.build.source;

/**
 * What to check out.
 *
 * @param repository      a git URL, or the path of a local (bare or non-bare) repository
 * @param revision        a commit id, branch or tag
 * @param sourceDirectory the project's directory inside the repository ("" for the root)
 */
public record SourceRequest(String repository, String revision, String sourceDirectory) {
}
