package dev.slipway.platform;
