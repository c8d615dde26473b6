package dev.slipway.router; public class StandaloneRouter { public static void main(String[] a){} }
