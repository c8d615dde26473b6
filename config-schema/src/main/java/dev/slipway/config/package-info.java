package dev.slipway.config;
