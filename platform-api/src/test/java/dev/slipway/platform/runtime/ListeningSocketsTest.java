package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Linux's socket tables: listening sockets only, their addresses in the kernel's byte order. */
class ListeningSocketsTest {

    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7175902 1 0 100 0 0 10 0
               1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 7175903 1 0 100 0 0 10 0
               2: 0300A8C0:1F90 0A00A8C0:D431 01 00000000:00000000 00:00000000 00000000  1000        0 7175904 1 0 20 4 30 10 -1
            """;
    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 81 1 0 100 0 0 10 0
               1: 00000000000000000000000001000000:2328 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 82 1 0 100 0 0 10 0
               2: 0000000000000000FFFF00000100007F:2329 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 83 1 0 100 0 0 10 0
            """;

    @Test
    void readsListeningSocketsOfBothTablesAndSkipsConnections() {
        var sockets = ListeningSockets.parse(TCP + TCP6);

        assertThat(sockets).extracting(ListeningSocket::toString)
                .containsExactly("127.0.0.1:3000", "0.0.0.0:8080", "[::]:3000", "[::1]:9000", "127.0.0.1:9001");
        assertThat(sockets).extracting(ListeningSocket::inode).containsExactly(7175902L, 7175903L, 81L, 82L, 83L);
        assertThat(sockets).extracting(ListeningSocket::loopback).containsExactly(true, false, false, true, true);
    }

    @Test
    void eachAddressAndPortOnceWhenWorkersShareIt() {
        var twice = ListeningSockets.parse(TCP + TCP.replace("7175903", "7175999"));

        assertThat(ListeningSockets.distinct(twice)).hasSize(2);
    }

    @Test
    void findsTheSocketsThisProcessHolds() throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var held = ListeningSockets.heldBy(List.of(ProcessHandle.current().pid()));

            assertThat(held).hasValueSatisfying(sockets -> assertThat(sockets).extracting(ListeningSocket::toString)
                    .contains("127.0.0.1:" + server.getLocalPort()));
        }
    }

    @Test
    void aProcessThatIsGoneTellsNothing() {
        assertThat(ListeningSockets.heldBy(List.of(Long.MAX_VALUE))).isEmpty();
        assertThat(ListeningSockets.inNetworkOf(Long.MAX_VALUE)).isEmpty();
    }
}
