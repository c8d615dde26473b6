package dev.slipway.platform.console;

import dev.slipway.platform.system.AdminToken;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs in to the console with a token the API accepts: the sign-in form's {@code token} field arrives as the
 * password of a user-name-and-password attempt whose user name is ignored.
 */
@Component
class TokenSignIn implements AuthenticationProvider {

    static final String ADMIN = "admin";

    private final AdminToken token;

    TokenSignIn(AdminToken token) {
        this.token = token;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        var presented = attempt.getCredentials() == null ? null : attempt.getCredentials().toString();
        if (!token.matches(presented)) {
            throw new BadCredentialsException("That token is not valid. Use the admin token: SLIPWAY_ADMIN_TOKEN, "
                    + "or the file admin-token in Slipway's home directory.");
        }
        return UsernamePasswordAuthenticationToken.authenticated(ADMIN, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
