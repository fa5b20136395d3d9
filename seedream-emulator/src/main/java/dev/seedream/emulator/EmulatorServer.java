/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;

/**
 * The Netty server: one acceptor thread and a few event-loop threads carry every connection; nothing blocks them
 * (latency is timers, rendering runs on its own executor). Threads are daemons so a forgotten close cannot hang a JVM.
 */
final class EmulatorServer implements AutoCloseable {

    /** Up to 14 references of 30 MB each, base64-encoded, fit. */
    static final int MAX_REQUEST_BYTES = 600 << 20;
    private static final Duration SHUTDOWN_QUIET = Duration.ofMillis(100);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;

    private EmulatorServer(EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
    }

    /**
     * Listens on the configured host and port; with a TLS key store, for HTTPS only. The event loops are Netty 4.1's
     * kind, deprecated but kept in 4.2: the emulator's JUnit extension then also runs in applications on Netty 4.1,
     * which Spring Boot 3.5 manages.
     */
    @SuppressWarnings("deprecation")
    static EmulatorServer bind(EmulatorConfig config, ChannelHandler router) {
        // Read before any thread starts, so a bad key store fails the start and leaves nothing behind.
        SslContext tls = config.tlsKeyStore() == null ? null
                : serverTls(config.tlsKeyStore(), config.tlsKeyStorePassword());
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("seedream-emulator-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("seedream-emulator-io", true));
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (tls != null) {
                                ch.pipeline().addLast(tls.newHandler(ch.alloc()), QuietTlsFailures.INSTANCE);
                            }
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                    router);
                        }
                    })
                    .bind(config.host(), config.port()).syncUninterruptibly().channel();
            return new EmulatorServer(boss, workers, channel);
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private static SslContext serverTls(Path keyStoreFile, String password) {
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            // A trust store given by mistake would only show up as failed handshakes.
            if (!holdsPrivateKey(store)) {
                throw new IllegalArgumentException("cannot use the TLS key store " + keyStoreFile
                        + ": it holds no private key");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            return SslContextBuilder.forServer(keys).build();
        } catch (IOException | GeneralSecurityException e) {
            String reason = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            throw new IllegalArgumentException("cannot read the TLS key store " + keyStoreFile + ": " + reason, e);
        }
    }

    private static boolean holdsPrivateKey(KeyStore store) throws KeyStoreException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Runs {@code task} every {@code period} on an event loop (housekeeping such as expiring files). */
    void every(Duration period, Runnable task) {
        workers.next().scheduleAtFixedRate(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        var b = boss.shutdownGracefully(SHUTDOWN_QUIET.toMillis(), SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        var w = workers.shutdownGracefully(SHUTDOWN_QUIET.toMillis(), SHUTDOWN_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        b.awaitUninterruptibly();
        w.awaitUninterruptibly();
    }

    /**
     * A client that rejects the certificate, or speaks plain HTTP to the HTTPS port, fails the handshake. That is
     * routine (a test of a missing trust setting does it on purpose): close quietly instead of the router logging it as
     * an unexpected error.
     */
    @ChannelHandler.Sharable
    private static final class QuietTlsFailures extends ChannelInboundHandlerAdapter {

        static final QuietTlsFailures INSTANCE = new QuietTlsFailures();

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
                ctx.close();
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }
}
