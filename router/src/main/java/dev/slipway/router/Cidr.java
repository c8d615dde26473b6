package dev.slipway.router;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of IPv4 or IPv6 addresses, such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block
 * of one. Immutable.
 *
 * @param network the block's first address, its bits past the prefix cleared (4 bytes for IPv4, 16 for IPv6)
 * @param prefix  how many leading bits an address must share with {@code network}
 */
record Cidr(byte[] network, int prefix) {

    Cidr {
        network = network.clone();
    }

    /**
     * Parses {@code address/prefix} or a bare address, written as numbers (host names are refused, so parsing
     * never looks anything up).
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    static Cidr parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw invalid(text, "'" + address + "' is not an IPv4 or IPv6 address");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
                throw invalid(text, "the prefix length must be a number from 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        for (int bit = prefix; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw invalid(text, "it has bits set past its prefix; the block starts at "
                        + new Cidr(mask(bytes, prefix), prefix));
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** Whether {@code address} lies in this block; an IPv4 address never lies in an IPv6 block, nor the reverse. */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        return rest == 0 || ((bytes[whole] ^ network[whole]) & (0xff00 >>> rest) & 0xff) == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && prefix == cidr.prefix && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** The bytes of a numeric IPv4 or IPv6 address, or null for anything else; never looks a name up. */
    private static byte[] literal(String address) {
        return NetUtil.createByteArrayFromIpAddressString(address);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text.strip() + "' is not a CIDR block: " + why
                + " (write e.g. 10.0.0.0/8, 192.168.1.7/32 or fd00::/8)");
    }
}
