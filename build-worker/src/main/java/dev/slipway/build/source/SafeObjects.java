package dev.slipway.build.source;

import org.eclipse.jgit.lib.ObjectChecker;

/**
 * The one check of git objects that come from outside, pushed or fetched: JGit's object checker
 * (well-formed commits, trees and tags, no {@code .}, {@code ..} or {@code .git} names) with the
 * names that Windows and macOS would read as {@code .git} refused as well ({@code .GIT},
 * {@code git~1}, {@code .git} with ignorable Unicode characters).
 */
public final class SafeObjects {

    private SafeObjects() {
    }

    /** A new checker; JGit's checkers keep state, so each transfer gets its own. */
    public static ObjectChecker checker() {
        return new ObjectChecker().setSafeForWindows(true).setSafeForMacOS(true);
    }
}
