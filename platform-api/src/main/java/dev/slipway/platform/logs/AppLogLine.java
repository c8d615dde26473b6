package dev.slipway.platform.logs;

import java.time.Instant;

/**
 * One line an app printed, as its service's application log keeps it.
 *
 * @param seq       its position in the service's log, from 1; it keeps counting across restarts of Slipway
 * @param time      when the app wrote it
 * @param instance  the instance that wrote it
 * @param container the container (or process group) the instance ran in
 * @param stream    {@code stdout} or {@code stderr}
 * @param text      the line without its line break; cut after {@value AppLog#MAX_TEXT_LENGTH} characters
 */
public record AppLogLine(long seq, Instant time, String instance, String container, String stream, String text) {
}
