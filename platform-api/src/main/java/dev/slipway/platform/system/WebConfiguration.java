package dev.slipway.platform.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Puts the admin token in front of the REST API and the git server. Their callers are programs that send the
 * token with every request, so Spring Security keeps no session for them and asks no CSRF token; the console's
 * sign-in (see the console package) covers every other path.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** The paths the token guards, as servlet URL patterns. */
    private static final String[] TOKEN_PATHS = {"/api/*", "/git/*"};

    @Bean
    FilterRegistrationBean<TokenAuthenticationFilter> tokenAuthentication(AdminToken token) {
        var registration = new FilterRegistrationBean<>(new TokenAuthenticationFilter(token));
        registration.addUrlPatterns(TOKEN_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenGuardedPaths(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/git/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
