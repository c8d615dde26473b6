package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

    @Test
    void trustsAddressesInsideItsIpv4AndIpv6Blocks() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8, 127.0.0.1/32,192.168.4.0/23 , fd00::/8,::1");

        assertThat(proxies.trusts(address("10.255.3.4"))).isTrue();
        assertThat(proxies.trusts(address("127.0.0.1"))).isTrue();
        assertThat(proxies.trusts(address("192.168.5.255"))).isTrue();
        assertThat(proxies.trusts(address("fd12:3456::1"))).isTrue();
        assertThat(proxies.trusts(address("::1"))).isTrue();
        assertThat(proxies.trusts(address("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(address("127.0.0.2"))).isFalse();
        assertThat(proxies.trusts(address("192.168.6.0"))).isFalse();
        assertThat(proxies.trusts(address("fe80::1"))).isFalse();
        assertThat(proxies.toString()).isEqualTo("10.0.0.0/8,127.0.0.1/32,192.168.4.0/23,fd00:0:0:0:0:0:0:0/8,"
                + "0:0:0:0:0:0:0:1/128");
    }

    @Test
    void aBlankListTrustsNobodyAndSlashZeroTrustsEveryAddressOfItsFamily() throws Exception {
        assertThat(TrustedProxies.parse("")).isEqualTo(TrustedProxies.NONE);
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
        assertThat(TrustedProxies.NONE.trusts(address("127.0.0.1"))).isFalse();

        TrustedProxies everyIpv4 = TrustedProxies.parse("0.0.0.0/0");
        assertThat(everyIpv4.trusts(address("203.0.113.9"))).isTrue();
        assertThat(everyIpv4.trusts(address("2001:db8::1"))).as("an IPv6 address in an IPv4 block").isFalse();
    }

    @Test
    void comparesOnlyThePrefixsBitsWhenItEndsInsideAByte() throws Exception {
        Cidr block = Cidr.parse("172.16.0.0/12");

        assertThat(block.contains(address("172.31.255.255"))).isTrue();
        assertThat(block.contains(address("172.32.0.0"))).isFalse();
        assertThat(block.contains(address("172.15.255.255"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/33").contains(address("2001:db8:7fff::1"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/33").contains(address("2001:db8:8000::1"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "proxy.internal/8 | 'proxy.internal' is not an IPv4 or IPv6 address",
            "10.0.0.0/33      | the prefix length must be a number from 0 to 32",
            "fd00::/129       | the prefix length must be a number from 0 to 128",
            "10.0.0.0/x       | the prefix length must be a number from 0 to 32",
            "10.0.0.0/        | the prefix length must be a number from 0 to 32",
            "10.0.0.999/32    | '10.0.0.999' is not an IPv4 or IPv6 address",
            "10.1.2.3/8       | it has bits set past its prefix; the block starts at 10.0.0.0/8",
            "fd00::1/8        | it has bits set past its prefix; the block starts at fd00:0:0:0:0:0:0:0/8"})
    void refusesWhatIsNotACidrBlockSayingWhyAndHowToWriteOne(String entry, String why) {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1/32," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + entry + "' is not a CIDR block: " + why
                        + " (write e.g. 10.0.0.0/8, 192.168.1.7/32 or fd00::/8)");
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
