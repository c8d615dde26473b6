package dev.slipway.router;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's WebSocket client through the router, collecting whole messages in a queue. */
final class WebSocketClient implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final WebSocket socket;

    private WebSocketClient(int routerPort, String path) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(URI.create("ws://127.0.0.1:" + routerPort + path), this)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Opens a WebSocket to {@code path} through the router; routes must map host {@code 127.0.0.1}. */
    static WebSocketClient connect(int routerPort, String path) throws Exception {
        return new WebSocketClient(routerPort, path);
    }

    String echo(String message) throws Exception {
        socket.sendText(message, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return (String) next();
    }

    ByteBuffer echo(ByteBuffer message) throws Exception {
        socket.sendBinary(message, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return (ByteBuffer) next();
    }

    Object next() throws InterruptedException {
        Object message = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no WebSocket message within " + TIMEOUT);
        }
        return message;
    }

    /** Completes with the close status code, or -1 when the connection broke. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text = new StringBuilder();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.writeBytes(part);
        if (last) {
            messages.add(ByteBuffer.wrap(binary.toByteArray()));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() throws Exception {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
