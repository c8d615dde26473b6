package dev.slipway.platform.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads which TCP ports apps listen on from Linux's {@code /proc}, so a failed health check can
 * say what the app did instead of what it was asked to: {@code /proc/<pid>/net/tcp} and
 * {@code tcp6} list the sockets of a process's network namespace, {@code /proc/<pid>/fd} which of
 * them a process holds.
 */
public final class ListeningSockets {

    private static final Path PROC = Path.of("/proc");
    private static final String LISTEN = "0A";
    private static final String SOCKET_LINK = "socket:[";

    private ListeningSockets() {
    }

    /**
     * The listening sockets in the text of {@code /proc/net/tcp}, {@code tcp6} or both one after
     * the other.
     */
    public static List<ListeningSocket> parse(String procNetTcp) {
        var found = new ArrayList<ListeningSocket>();
        for (var line : procNetTcp.split("\n")) {
            // "  0: 0100007F:0BB8 00000000:0000 0A ... uid timeout inode ..."
            var fields = line.strip().split("\\s+");
            if (fields.length < 10 || !fields[0].endsWith(":") || !LISTEN.equals(fields[3])) {
                continue;
            }
            var local = fields[1].split(":");
            try {
                found.add(new ListeningSocket(address(local[0]), Integer.parseInt(local[1], 16),
                        Long.parseLong(fields[9])));
            } catch (RuntimeException | UnknownHostException e) {
                // A line of another format: not a socket this can tell about.
            }
        }
        return List.copyOf(found);
    }

    /** Each address and port once: workers that share a port each hold a socket on it. */
    public static List<ListeningSocket> distinct(List<ListeningSocket> sockets) {
        var found = new LinkedHashMap<String, ListeningSocket>();
        sockets.forEach(socket -> found.putIfAbsent(socket.toString(), socket));
        return List.copyOf(found.values());
    }

    /**
     * Every listening socket in the network namespace of process {@code pid}: a container's, when
     * it is the container's process.
     *
     * @return empty when {@code /proc} cannot be read for it (it ended, or another namespace's pid)
     */
    public static Optional<List<ListeningSocket>> inNetworkOf(long pid) {
        return readNetwork(pid).map(ListeningSockets::distinct);
    }

    /**
     * The listening sockets that the processes hold open themselves, among those in their network
     * namespace (the host's, for processes that share it).
     *
     * @return empty when none of the processes can be read
     */
    public static Optional<List<ListeningSocket>> heldBy(Collection<Long> pids) {
        var inodes = new HashSet<Long>();
        Optional<List<ListeningSocket>> network = Optional.empty();
        for (var pid : pids) {
            if (socketInodes(pid, inodes) && network.isEmpty()) {
                network = readNetwork(pid);
            }
        }
        return network.map(sockets -> distinct(sockets.stream().filter(s -> inodes.contains(s.inode())).toList()));
    }

    private static Optional<List<ListeningSocket>> readNetwork(long pid) {
        var net = PROC.resolve(Long.toString(pid)).resolve("net");
        try {
            var text = Files.readString(net.resolve("tcp"));
            var v6 = net.resolve("tcp6");
            // Without IPv6 in the kernel there is no tcp6.
            return Optional.of(parse(Files.exists(v6) ? text + Files.readString(v6) : text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Adds the inodes of the sockets among the process's open files; false when they cannot be read. */
    private static boolean socketInodes(long pid, Set<Long> inodes) {
        var found = new ArrayList<Long>();
        try (var fds = Files.list(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
            for (var fd : (Iterable<Path>) fds::iterator) {
                try {
                    var target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(SOCKET_LINK) && target.endsWith("]")) {
                        found.add(Long.parseLong(target.substring(SOCKET_LINK.length(), target.length() - 1)));
                    }
                } catch (IOException e) {
                    // Closed since it was listed.
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        inodes.addAll(found);
        return true;
    }

    /** The kernel writes each 32-bit word of the address in the host's byte order: little-endian on x86 and ARM. */
    private static InetAddress address(String hex) throws UnknownHostException {
        var bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                var at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
