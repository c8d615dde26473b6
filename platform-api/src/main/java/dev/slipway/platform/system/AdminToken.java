package dev.slipway.platform.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The admin token: REST calls send it as a bearer token, {@code git push} as the password.
 * {@code SLIPWAY_ADMIN_TOKEN} sets it; otherwise it is generated once into
 * {@code $SLIPWAY_HOME/admin-token} and read from there on later starts.
 */
@Component
public class AdminToken {

    public static final String FILE_NAME = "admin-token";
    private static final int TOKEN_BYTES = 24;
    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private final byte[] token;

    AdminToken(SlipwayProperties properties) {
        var configured = properties.adminToken();
        if (!configured.isBlank()) {
            this.token = configured.getBytes(StandardCharsets.UTF_8);
            log.info("Admin token: from SLIPWAY_ADMIN_TOKEN");
            return;
        }
        var file = properties.home().resolve(FILE_NAME);
        this.token = GeneratedValue.readOrCreate(file, TOKEN_BYTES).getBytes(StandardCharsets.UTF_8);
        log.info("Admin token: in {} (API: Authorization: Bearer <token>; git push: any user, the token as password)",
                file);
    }

    /** Compares in constant time, so response timing reveals nothing about the token. */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
