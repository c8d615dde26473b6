package dev.slipway.router;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The standalone router's command line.
 *
 * @param router    how the router listens, times out and limits clients (its access log and metrics registry
 *                  are set up by {@link StandaloneRouter})
 * @param stateFile the route state file to serve, watch and rewrite
 * @param accessLog where the access log goes: {@link #STDOUT}, {@link #OFF} or a file to append to
 * @param control   the control port's settings, or null when it is off
 */
record StandaloneOptions(RouterOptions router, Path stateFile, String accessLog, ControlOptions control) {

    static final int DEFAULT_PORT = 8000;
    static final String DEFAULT_BIND = "127.0.0.1";
    static final String DEFAULT_CONTROL_BIND = "127.0.0.1";
    static final String TOKEN_VARIABLE = "SLIPWAY_ROUTER_TOKEN";
    static final String STDOUT = "-";
    static final String OFF = "off";
    static final String DEFAULT_ACCESS_LOG = STDOUT;
    private static final Set<String> OPTIONS = Set.of("--state", "--port", "--bind", "--request-timeout",
            "--connect-timeout", "--stream-idle-timeout", "--header-timeout", "--client-idle-timeout",
            "--upstream-idle-timeout", "--health-probe-interval", "--max-connections",
            "--max-connections-per-client", "--trusted-proxies", "--max-body-size",
            "--event-loops", "--access-log", "--control-port", "--control-bind", "--control-token");

    /**
     * The control port.
     *
     * @param bind  the address it listens on
     * @param port  the port, 0 for a free one
     * @param token the bearer token every call must present
     */
    record ControlOptions(InetAddress bind, int port, String token) {
    }

    static final String USAGE = """
            Usage: java -jar slipway-router.jar --state FILE [--port PORT] [--bind ADDRESS] [options]

            Routes HTTP requests by Host header and path to the instances listed in FILE, re-reads FILE
            whenever it changes, and, with --control-port, takes new routes over a token-protected API.

              --state FILE                  route state JSON (see docs/router.md); missing means no routes yet
              --port PORT                   port to listen on (default 8000; 0 picks a free port)
              --bind ADDRESS                address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --request-timeout DURATION    longest wait for a response to start (default 120s)
              --connect-timeout DURATION    longest wait to connect to an instance (default 5s)
              --stream-idle-timeout DURATION  longest silence in a started response or WebSocket (default 120s)
              --header-timeout DURATION     longest time to send a request head (default 10s)
              --client-idle-timeout DURATION  keep-alive time between requests (default 75s)
              --upstream-idle-timeout DURATION  longest reuse of an idle instance connection (default 4s)
              --health-probe-interval DURATION  probe interval for unreachable instances (default 2s)
              --max-connections N           most client connections at once (default 10000)
              --max-connections-per-client N  most connections at once from one client address
                                            (default 256; 0 for no cap; trusted proxies are exempt)
              --trusted-proxies CIDRS       proxies whose X-Forwarded-* and Forwarded headers are kept, e.g.
                                            10.0.0.0/8,fd00::/8 (default: none; from any other peer they
                                            are replaced by what the router saw)
              --max-body-size SIZE          largest request body, e.g. 100MiB (default 100MiB)
              --event-loops N               I/O threads (default: the number of processors)
              --access-log FILE|-|off       access log file to append to, - for standard output (default -)
              --control-port PORT           serve the control API on PORT (default: off)
              --control-bind ADDRESS        address of the control API (default 127.0.0.1)
              --control-token TOKEN         bearer token of the control API (default: $SLIPWAY_ROUTER_TOKEN)
              --help                        print this help

            DURATION is 500ms, 30s, 5m or 2h (a bare number is seconds); SIZE is bytes or KiB, MiB, GiB.
            """;

    /** Thrown for a command line that cannot be run; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Thrown for {@code --help}. */
    static final class HelpRequested extends Exception {
        HelpRequested() {
            super(USAGE);
        }
    }

    static StandaloneOptions parse(String... args) throws UsageException, HelpRequested {
        return parse(System.getenv(), args);
    }

    static StandaloneOptions parse(Map<String, String> environment, String... args)
            throws UsageException, HelpRequested {
        RouterOptions router = RouterOptions.onPort(DEFAULT_PORT).withBindAddress(address(DEFAULT_BIND, "--bind"));
        Path state = null;
        String accessLog = DEFAULT_ACCESS_LOG;
        Integer controlPort = null;
        InetAddress controlBind = address(DEFAULT_CONTROL_BIND, "--control-bind");
        String token = environment.get(TOKEN_VARIABLE);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!OPTIONS.contains(name)) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            if (value == null) {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--state" -> state = Path.of(value);
                case "--port" -> router = router.withPort(number(value, name, 0, 65_535));
                case "--bind" -> router = router.withBindAddress(address(value, name));
                case "--request-timeout" -> router = router.withRequestTimeout(duration(value, name));
                case "--connect-timeout" -> router = router.withConnectTimeout(duration(value, name));
                case "--stream-idle-timeout" -> router = router.withStreamIdleTimeout(duration(value, name));
                case "--header-timeout" -> router = router.withHeaderReadTimeout(duration(value, name));
                case "--client-idle-timeout" -> router = router.withClientIdleTimeout(duration(value, name));
                case "--upstream-idle-timeout" -> router = router.withUpstreamIdleTimeout(duration(value, name));
                case "--health-probe-interval" -> router = router.withHealthProbeInterval(duration(value, name));
                case "--max-connections" -> router = router.withMaxConnections(number(value, name, 1, Integer.MAX_VALUE));
                case "--max-connections-per-client" ->
                        router = router.withMaxConnectionsPerClient(number(value, name, 0, Integer.MAX_VALUE));
                case "--trusted-proxies" -> router = router.withTrustedProxies(proxies(value, name));
                case "--max-body-size" -> router = router.withMaxRequestBodySize(size(value, name));
                case "--event-loops" -> router = router.withEventLoops(number(value, name, 1, 1024));
                case "--access-log" -> accessLog = value;
                case "--control-port" -> controlPort = number(value, name, 0, 65_535);
                case "--control-bind" -> controlBind = address(value, name);
                case "--control-token" -> token = value;
                default -> throw new IllegalStateException("unhandled option " + name);
            }
        }
        if (state == null) {
            throw new UsageException("--state FILE is required");
        }
        return new StandaloneOptions(router, state, accessLog, control(controlPort, controlBind, token, router));
    }

    private static ControlOptions control(Integer port, InetAddress bind, String token, RouterOptions router)
            throws UsageException {
        if (port == null) {
            return null;
        }
        if (token == null || token.isBlank()) {
            throw new UsageException("--control-port needs a token: give --control-token TOKEN or set "
                    + TOKEN_VARIABLE);
        }
        if (port != 0 && port == router.port()) {
            throw new UsageException("--control-port must differ from --port");
        }
        return new ControlOptions(bind, port, token.strip());
    }

    private static int number(String value, String name, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    private static Duration duration(String value, String name) throws UsageException {
        try {
            Duration duration = Durations.parse(value);
            if (!duration.isZero()) {
                return duration;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive duration such as 500ms, 30s, 5m or 2h, got '" + value + "'");
    }

    /** Bytes, or a number with {@code KiB}, {@code MiB} or {@code GiB} (also {@code K}, {@code M}, {@code G}). */
    static long size(String value, String name) throws UsageException {
        UnitAmount size = UnitAmount.parse(value);
        long unit = size == null ? -1 : switch (size.unit()) {
            case "", "b" -> 1;
            case "k", "kib" -> 1024;
            case "m", "mib" -> 1024 * 1024;
            case "g", "gib" -> 1024L * 1024 * 1024;
            default -> -1;
        };
        if (unit < 0) {
            throw new UsageException(name + " must be a size such as 1048576, 512KiB, 100MiB or 2GiB, got '" + value + "'");
        }
        return size.amount() * unit;
    }

    private static TrustedProxies proxies(String value, String name) throws UsageException {
        try {
            return TrustedProxies.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    private static InetAddress address(String value, String name) throws UsageException {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UsageException(name + " '" + value + "' is not an address of this machine");
        }
    }
}
