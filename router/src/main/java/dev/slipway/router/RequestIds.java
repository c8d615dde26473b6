package dev.slipway.router;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: a client's own when it is reasonable, else a new random one. */
final class RequestIds {

    /** Longer incoming ids are replaced, so a client cannot make the router log or echo huge values. */
    static final int MAX_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** {@code incoming} when it is 1 to {@value #MAX_LENGTH} visible ASCII characters, else a new id. */
    static String keepOrCreate(String incoming) {
        return isAcceptable(incoming) ? incoming : create();
    }

    /** 32 random hex digits. */
    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(id);
    }

    private static boolean isAcceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
