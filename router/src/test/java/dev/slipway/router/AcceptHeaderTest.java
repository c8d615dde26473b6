package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void prefersHtmlForABrowsersAcceptHeader() {
        assertThat(AcceptHeader.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
        assertThat(AcceptHeader.prefersHtml("text/*")).isTrue();
    }

    @Test
    void prefersJsonWhenHtmlIsNotRankedHigher() {
        assertThat(AcceptHeader.prefersHtml(null)).isFalse();
        assertThat(AcceptHeader.prefersHtml("*/*")).isFalse();
        assertThat(AcceptHeader.prefersHtml("application/json")).isFalse();
        assertThat(AcceptHeader.prefersHtml("text/html;q=0.5, application/problem+json")).isFalse();
        assertThat(AcceptHeader.prefersHtml("text/html, application/json")).isFalse();
    }

    @Test
    void usesTheMostSpecificRangeForEachType() {
        assertThat(AcceptHeader.prefersHtml("text/html;q=0.1, */*")).isFalse();
        assertThat(AcceptHeader.prefersHtml("text/html, application/*;q=0.2")).isTrue();
        assertThat(AcceptHeader.prefersHtml("text/html;q=bogus, */*;q=0.1")).isFalse();
    }
}
