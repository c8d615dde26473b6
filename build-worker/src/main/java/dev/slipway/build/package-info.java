package dev.slipway.build;
