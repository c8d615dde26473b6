package dev.slipway.router;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access log lines from its own thread. Event loops format lines into their own
 * {@link AccessLogBuffer} and hand over whole chunks through a lock-free queue, so a request costs no lock and
 * no system call. When the output cannot keep up, chunks beyond {@link #MAX_QUEUED_CHUNKS} are dropped and
 * counted rather than slowing requests down.
 */
final class AccessLog implements AutoCloseable {

    static final int CHUNK_SIZE = 64 * 1024;
    static final int MAX_QUEUED_CHUNKS = 64;
    /** How long a line may wait in a loop's buffer, and the writer between looks at the queue. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    private record Chunk(byte[] bytes, int length, int lines) {
    }

    private final OutputStream out;
    private final ConcurrentLinkedQueue<Chunk> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    private boolean failed;

    AccessLog(OutputStream out) {
        this.out = out;
        this.writer = new Thread(this::run, "slipway-router-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** A chunk to fill, reused when one is spare. */
    byte[] chunk() {
        byte[] chunk = spare.poll();
        return chunk != null ? chunk : new byte[CHUNK_SIZE];
    }

    /** Hands a filled chunk to the writer; called by event loops. */
    void submit(byte[] bytes, int length, int lines) {
        if (queued.incrementAndGet() > MAX_QUEUED_CHUNKS || closing && !writer.isAlive()) {
            queued.decrementAndGet();
            dropped.addAndGet(lines);
            spare.offer(bytes);
            return;
        }
        queue.offer(new Chunk(bytes, length, lines));
        LockSupport.unpark(writer);
    }

    private void run() {
        long reportedDrops = 0;
        while (true) {
            Chunk chunk = queue.poll();
            if (chunk != null) {
                queued.decrementAndGet();
                write(chunk);
                spare.offer(chunk.bytes());
                continue;
            }
            flush();
            long drops = dropped.get();
            if (drops != reportedDrops) {
                LOG.warn("Access log output is too slow; {} line(s) dropped so far", drops);
                reportedDrops = drops;
            }
            if (closing) {
                return;
            }
            LockSupport.parkNanos(this, FLUSH_INTERVAL.toNanos());
        }
    }

    private void write(Chunk chunk) {
        try {
            out.write(chunk.bytes(), 0, chunk.length());
        } catch (IOException e) {
            dropped.addAndGet(chunk.lines());
            if (!failed) {
                failed = true;
                LOG.error("Cannot write the access log: {}", e.toString());
            }
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                LOG.error("Cannot write the access log: {}", e.toString());
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Writes what was handed over, flushes and stops the writer thread; the stream stays open. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
