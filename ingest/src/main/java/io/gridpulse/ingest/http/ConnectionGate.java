package io.gridpulse.ingest.http;

import io.gridpulse.ingest.IngestConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.TcpConfig;
import io.vertx.core.spi.transport.Transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Guards a server's connections from the moment the kernel hands them over, before a byte is read. Vert.x tells
 * an HTTP server of a connection only once its first request head is complete, so a client that connects and
 * sends nothing, or dribbles a request head, would otherwise hold a socket that no limit counts. The gate sits
 * in front of Vert.x as its transport (NIO underneath) and, for every server {@link #guard guarded} on its port:
 * closes a connection at once beyond the limit in all or per remote address, marks the last few below the limit
 * as the probes' reserve, and closes a connection that has not sent a whole request head within the head timeout
 * of connecting, or of the first byte of its next request after an answer (a kept-alive connection waiting for its
 * next request is the idle timeout's). The server tells the gate when a request head arrived and when it answered.
 *
 * <p>Servers on ports nobody guards pass through untouched.
 */
public final class ConnectionGate {
    private final Map<Integer, Guard> guards = new ConcurrentHashMap<>();

    /** Where a connection comes from, as the gate and the server both see it: address and port. */
    public record Remote(String address, int port) {
        static Remote of(InetSocketAddress remote) {
            return new Remote(remote.getAddress().getHostAddress(), remote.getPort());
        }

        /** The remote end of a Vert.x request or connection. */
        public static Remote of(io.vertx.core.net.SocketAddress remote) {
            try {
                return new Remote(InetAddress.getByName(remote.hostAddress()).getHostAddress(), remote.port());
            } catch (java.net.UnknownHostException e) {
                return new Remote(remote.hostAddress(), remote.port());
            }
        }
    }
    private final Acceptor acceptor = new Acceptor();

    /** A Vert.x transport (NIO) whose TCP servers let their connections in through this gate. */
    public io.vertx.core.transport.Transport transport() {
        var nio = io.vertx.core.transport.Transport.NIO;
        var gated = new GatedTransport(nio.implementation(), acceptor);
        return new io.vertx.core.transport.Transport() {
            @Override
            public String name() {
                return "nio+gate";
            }

            @Override
            public boolean available() {
                return nio.available();
            }

            @Override
            public Throwable unavailabilityCause() {
                return nio.unavailabilityCause();
            }

            @Override
            public Transport implementation() {
                return gated;
            }
        };
    }

    /** Guards the server listening on this local port with these limits, until the guard is closed. */
    public Guard guard(int port, IngestConfig.Connections limits) {
        var guard = new Guard(port, limits);
        guards.put(port, guard);
        return guard;
    }

    /** One server's connections: counted, capped, and held to the head timeout. */
    public final class Guard implements AutoCloseable {
        private final int port;
        private final IngestConfig.Connections limits;
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicLong refused = new AtomicLong();
        private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
        private final Map<Remote, Admitted> admitted = new ConcurrentHashMap<>();

        private Guard(int port, IngestConfig.Connections limits) {
            this.port = port;
            this.limits = limits;
        }

        /** Connections closed as they were accepted, since the guard started. */
        public long refused() {
            return refused.get();
        }

        /** Connections open now. */
        public int open() {
            return open.get();
        }

        /**
         * A request head arrived on the connection from this remote address and port: its head timer stops. Tells
         * whether the connection came in on the probes' reserve; null if the gate never saw it (the server's Vert.x
         * was not built with {@link #transport()}).
         */
        public Boolean headArrived(Remote remote) {
            var connection = admitted.get(remote);
            if (connection == null) {
                return null;
            }
            connection.stopHeadTimer();
            return connection.onReserve;
        }

        /** The connection answered a request; its next request's head is timed from its first byte. */
        public void answered(Remote remote) {
            var connection = admitted.get(remote);
            if (connection != null) {
                connection.awaitingNextRequest = true;
            }
        }

        @Override
        public void close() {
            guards.remove(port, this);
        }

        private boolean admit(Channel child) {
            if (!(child.remoteAddress() instanceof InetSocketAddress remote)) {
                return true;
            }
            var fromAddress = perAddress.computeIfAbsent(remote.getAddress(), a -> new AtomicInteger());
            int inAll = open.incrementAndGet();
            int fromThere = fromAddress.incrementAndGet();
            if (inAll > limits.maxConnections() || fromThere > limits.maxPerAddress()) {
                release(remote, fromAddress);
                refused.incrementAndGet();
                return false;
            }
            var connection = new Admitted(child, inAll > limits.maxConnections() - limits.probeReserve());
            var key = Remote.of(remote);
            admitted.put(key, connection);
            child.closeFuture().addListener(closed -> {
                connection.stopHeadTimer();
                admitted.remove(key, connection);
                release(remote, fromAddress);
            });
            child.pipeline().addFirst("gridpulse-gate", new HeadWatch(connection));
            return true;
        }

        private void release(InetSocketAddress remote, AtomicInteger fromAddress) {
            open.decrementAndGet();
            if (fromAddress.decrementAndGet() <= 0) {
                perAddress.remove(remote.getAddress(), fromAddress);
            }
        }

        /** A connection let in, and its head timer. */
        private final class Admitted {
            private final Channel channel;
            private final boolean onReserve;
            private ScheduledFuture<?> headTimer;
            private volatile boolean awaitingNextRequest;

            Admitted(Channel channel, boolean onReserve) {
                this.channel = channel;
                this.onReserve = onReserve;
            }

            synchronized void startHeadTimer() {
                stopHeadTimer();
                if (channel.isActive()) {
                    headTimer = channel.eventLoop().schedule(() -> channel.close(), limits.headTimeout().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }

            synchronized void stopHeadTimer() {
                if (headTimer != null) {
                    headTimer.cancel(false);
                    headTimer = null;
                }
            }
        }

        /** Starts the head timer when the connection opens, and at the first byte of each request after an answer. */
        private static final class HeadWatch extends ChannelInboundHandlerAdapter {
            private final Admitted connection;

            HeadWatch(Admitted connection) {
                this.connection = connection;
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                connection.startHeadTimer();
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (connection.awaitingNextRequest) {
                    connection.awaitingNextRequest = false;
                    connection.startHeadTimer();
                }
                ctx.fireChannelRead(message);
            }
        }
    }

    /** On a server channel: sees each accepted connection before Netty hands it to Vert.x. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof Channel child && ctx.channel().localAddress() instanceof InetSocketAddress local) {
                var guard = guards.get(local.getPort());
                if (guard != null && !guard.admit(child)) {
                    child.unsafe().closeForcibly();
                    return;
                }
            }
            ctx.fireChannelRead(message);
        }
    }

    /** Vert.x's NIO transport with the acceptor on every server channel it binds. */
    private record GatedTransport(Transport nio, ChannelHandler acceptor) implements Transport {
        @Override
        public void configure(TcpConfig config, boolean domainSocket, ServerBootstrap bootstrap) {
            nio.configure(config, domainSocket, bootstrap);
            bootstrap.handler(acceptor);
        }

        @Override
        public boolean supportsDomainSockets() {
            return nio.supportsDomainSockets();
        }

        @Override
        public boolean supportFileRegion() {
            return nio.supportFileRegion();
        }

        @Override
        public boolean isAvailable() {
            return nio.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return nio.unavailabilityCause();
        }

        @Override
        public SocketAddress convert(io.vertx.core.net.SocketAddress address) {
            return nio.convert(address);
        }

        @Override
        public io.vertx.core.net.SocketAddress convert(SocketAddress address) {
            return nio.convert(address);
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return nio.ioHandlerFactory();
        }

        @Override
        public EventLoopGroup eventLoopGroup(int type, int threads, ThreadFactory threadFactory, int ioRatio) {
            return nio.eventLoopGroup(type, threads, threadFactory, ioRatio);
        }

        @Override
        public DatagramChannel datagramChannel(InternetProtocolFamily family) {
            return nio.datagramChannel(family);
        }

        @Override
        public ChannelFactory<? extends DatagramChannel> datagramChannelFactory() {
            return nio.datagramChannelFactory();
        }

        @Override
        public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
            return nio.channelFactory(domainSocket);
        }

        @Override
        public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
            return nio.serverChannelFactory(domainSocket);
        }

        @Override
        public void configure(DatagramChannel channel, DatagramSocketOptions options) {
            nio.configure(channel, options);
        }

        @Override
        public void configure(TcpConfig config, boolean domainSocket, Bootstrap bootstrap) {
            nio.configure(config, domainSocket, bootstrap);
        }
    }
}
