package dev.seedream.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Netty server: one acceptor thread and a few event-loop threads carry every connection; nothing blocks them
 * (latency is timers, rendering runs on its own executor). Threads are daemons so a forgotten close cannot hang a JVM.
 */
final class EmulatorServer implements AutoCloseable {

    /** Up to 14 references of 30 MB each, base64-encoded, fit. */
    private static final int MAX_REQUEST_BYTES = 600 << 20;
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

    static EmulatorServer bind(String host, int port, int ioThreads, ChannelHandler router) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("seedream-emulator-accept", true), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads,
                new DefaultThreadFactory("seedream-emulator-io", true), NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                    router);
                        }
                    })
                    .bind(host, port).syncUninterruptibly().channel();
            return new EmulatorServer(boss, workers, channel);
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
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
}
