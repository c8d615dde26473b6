package dev.slipway.platform.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages link scripts and styles by their version-less paths ({@code /webjars/htmx.org/dist/htmx.min.js}), which
 * the webjars resolver serves. The filter Spring Boot would add to rewrite every link a page renders looks each
 * one up on the class path, static file or not, and took half of the overview's time with 200 services.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
