package dev.slipway.platform.logs;

import java.time.Instant;

/**
 * One line of a deployment's log.
 *
 * @param seq    its position in the log, from 1
 * @param time   when it was written
 * @param phase  the deployment phase or build phase it belongs to, e.g. {@code build}
 * @param stream {@code stdout} or {@code stderr} for a command's output, {@code system} for Slipway's own lines
 * @param text   the line, secrets masked
 */
public record LogLine(long seq, Instant time, String phase, String stream, String text) {
}
