package dev.slipway.platform.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the admin token in front of the REST API and the git server. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<TokenAuthenticationFilter> tokenAuthentication(AdminToken token) {
        var registration = new FilterRegistrationBean<>(new TokenAuthenticationFilter(token));
        registration.addUrlPatterns("/api/*", "/git/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
