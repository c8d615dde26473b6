package dev.slipway.platform.logs;

/**
 * Gets the lines of a followed log, in order and one at a time, on a delivery thread (never on the
 * thread that writes the log, so a slow follower holds up nobody but itself). After
 * {@link #droppedBehind()} or {@link #ended()} no more calls come.
 *
 * @param <T> the log's line type
 */
public interface LogFollower<T> {

    void line(T line);

    /**
     * It fell so far behind that its lines were no longer kept for it: it is no longer followed.
     * It can read the log again after the last line it got.
     */
    void droppedBehind();

    /** The log ended: the deployment finished, the service was deleted, or Slipway is stopping. */
    void ended();
}
