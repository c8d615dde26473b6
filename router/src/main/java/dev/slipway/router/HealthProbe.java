package dev.slipway.router;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.TimeUnit;

/**
 * Tries to connect to a backend marked unhealthy, every health probe interval, until a connection opens (the
 * backend takes requests again) or the backend is no longer routed. One probe runs per backend at a time.
 */
final class HealthProbe implements Runnable, ChannelFutureListener {

    private final LoopContext loop;
    private final Backend backend;

    HealthProbe(LoopContext loop, Backend backend) {
        this.loop = loop;
        this.backend = backend;
    }

    @Override
    public void run() {
        if (backend.keepProbing()) {
            loop.connectProbe(backend.socket()).addListener(this);
        }
    }

    @Override
    public void operationComplete(ChannelFuture future) {
        if (future.isSuccess()) {
            future.channel().close();
            backend.probeSucceeded();
        } else {
            loop.loop.schedule(this, loop.state.options.healthProbeInterval().toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
