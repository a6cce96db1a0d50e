package io.gridpulse.cockpit;

import com.github.mvysny.vaadinboot.VaadinBoot;
import io.gridpulse.cockpit.live.HourRecount;
import io.gridpulse.cockpit.wall.WallView;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Connector;

import java.io.IOException;


/** The cockpit's web server (embedded Jetty through vaadin-boot), over HTTP or HTTPS. */
public final class CockpitServer implements AutoCloseable {
    private final VaadinBoot boot;
    private final HourRecount recount;
    private final String url;

    private CockpitServer(VaadinBoot boot, HourRecount recount, String url) {
        this.boot = boot;
        this.recount = recount;
        this.url = url;
    }

    /** The cockpit over plain HTTP. */
    public static CockpitServer start(CockpitContext context, String host, int port) throws Exception {
        return start(context, host, port, null);
    }

    /** The cockpit over HTTPS when {@code tls} is given (and then not over HTTP at all), else over HTTP. */
    public static CockpitServer start(CockpitContext context, String host, int port, CockpitTls tls) throws Exception {
        CockpitContext.install(context);
        // vaadin-boot opens a plain connector; with TLS it opens on a free loopback port and is swapped for the TLS one
        var boot = tls == null ? new VaadinBoot() : new Swapped(tls, host, port);
        boot.withPort(tls == null ? port : freeLoopbackPort()).listenOn(tls == null ? host : "127.0.0.1")
                .openBrowserInDevMode(false);
        boot.start();
        // the region's wall is read once in the background, so the first screen to open it after a start paints at once
        Thread.ofVirtual().name("wall-prepare").start(() -> {
            try {
                context.region().roots().forEach(root -> WallView.prepare(context, root.code()));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CockpitServer.class).warn("could not prepare the wall: {}", e.toString());
            }
        });
        var url = tls == null ? boot.getServerURL() : "https://" + host + ":" + port + "/";
        return new CockpitServer(boot, HourRecount.start(context.warehouse(), context.clock()), url);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        recount.close();
        boot.stop("GridPulse is shutting down");
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Once Jetty runs, its plain connector is closed and a TLS one opened on the operator's interface and port. */
    private static final class Swapped extends VaadinBoot {
        private final CockpitTls tls;
        private final String host;
        private final int port;

        Swapped(CockpitTls tls, String host, int port) {
            this.tls = tls;
            this.host = host;
            this.port = port;
        }

        @Override
        protected void onStarted(WebAppContext context) throws IOException {
            var server = context.getServer();
            try {
                var secure = tls.connector(server, host, port);
                server.addConnector(secure);
                secure.start();
                for (Connector plain : server.getConnectors()) {
                    if (plain != secure) {
                        plain.stop();
                        server.removeConnector(plain);
                    }
                }
            } catch (Exception e) {
                throw new IOException("the cockpit could not serve HTTPS from " + tls.certificate() + " and " + tls.key()
                        + ": " + e.getMessage(), e);
            }
            super.onStarted(context);
        }
    }
}
