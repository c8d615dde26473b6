package dev.slipway.config.cli; public class ConfigCli { public static void main(String[] a){} }
