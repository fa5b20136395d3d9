/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
/**
 * The Seedream image client. Only {@code dev.seedream.client} is its API; {@code dev.seedream.client.internal} is
 * the transport behind it and may change in any release.
 */
module dev.seedream.client {
    exports dev.seedream.client;

    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    // AsyncHttpClient 3.0 names no module: this is the name the JDK derives from its jar.
    requires async.http.client;
    requires io.netty.codec.compression;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.resolver;
    requires io.netty.common;
    requires org.slf4j;
}
