package dev.slipway.router;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The standalone router's command line.
 *
 * @param router    how the router listens and times out
 * @param stateFile the route state file to serve and watch
 */
record StandaloneOptions(RouterOptions router, Path stateFile) {

    static final int DEFAULT_PORT = 8000;
    static final String DEFAULT_BIND = "127.0.0.1";

    static final String USAGE = """
            Usage: java -jar slipway-router.jar --state FILE [--port PORT] [--bind ADDRESS] [options]

            Routes HTTP requests by their Host header to the instances listed in FILE,
            and re-reads FILE whenever it changes.

              --state FILE              route state JSON (see docs/router.md); a missing file means no routes yet
              --port PORT               port to listen on (default 8000; 0 picks a free port)
              --bind ADDRESS            address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --request-timeout SECS    longest a whole request may take (default 120)
              --connect-timeout SECS    longest opening a connection to an instance may take (default 5)
              --event-loops N           I/O threads (default: the number of processors)
              --help                    print this help
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
        RouterOptions router = RouterOptions.onPort(DEFAULT_PORT).withBindAddress(address(DEFAULT_BIND, "--bind"));
        Path state = null;
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
            if (!name.startsWith("--") || !knows(name)) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            if (value == null) {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--state" -> state = Path.of(value);
                case "--port" -> router = router.withPort(number(value, name, 0, 65_535));
                case "--bind" -> router = router.withBindAddress(address(value, name));
                case "--request-timeout" -> router = router.withRequestTimeout(seconds(value, name));
                case "--connect-timeout" -> router = router.withConnectTimeout(seconds(value, name));
                default -> router = router.withEventLoops(number(value, name, 1, 1024));
            }
        }
        if (state == null) {
            throw new UsageException("--state FILE is required");
        }
        return new StandaloneOptions(router, state);
    }

    private static boolean knows(String name) {
        return switch (name) {
            case "--state", "--port", "--bind", "--request-timeout", "--connect-timeout", "--event-loops" -> true;
            default -> false;
        };
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

    private static Duration seconds(String value, String name) throws UsageException {
        return Duration.ofSeconds(number(value, name, 1, Integer.MAX_VALUE));
    }

    private static InetAddress address(String value, String name) throws UsageException {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UsageException(name + " '" + value + "' is not an address of this machine");
        }
    }
}
