package dev.slipway.platform.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's sign-in: every page but the sign-in form and static files needs a session, which the form
 * opens with a token (see {@link TokenSignIn}). Forms carry Spring Security's CSRF field, the session cookie is
 * HttpOnly and SameSite (application.properties), and pages may run only the console's own scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String LOGIN = "/login";

    /** Scripts, styles and connections only from the console itself; no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        var toLogin = new LoginUrlAuthenticationEntryPoint(LOGIN);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN, "/console/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).usernameParameter("user").passwordParameter("token")
                        .defaultSuccessUrl("/", false).failureUrl(LOGIN + "?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?signed-out"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    // A page's live update whose session ran out: htmx loads the sign-in page instead of
                    // swapping it into the part it updates.
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Redirect", LOGIN);
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        toLogin.commence(request, response, e);
                    }
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
