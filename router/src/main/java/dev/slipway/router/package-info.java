package dev.slipway.router;
