/**
 * Company networks: extra CA certificates that builds and apps must trust (a TLS-inspecting proxy,
 * an internal package index), proxies, and package index mirrors, taken from Slipway's own settings
 * and environment. {@link dev.slipway.build.network.CompanyNetwork} is what builders and runtimes
 * are given; nothing here ever reaches an image's layers, configuration or history.
 */
package dev.slipway.build.network;
