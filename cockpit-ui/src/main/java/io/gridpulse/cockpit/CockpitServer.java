package io.gridpulse.cockpit;

import com.github.mvysny.vaadinboot.VaadinBoot;
import io.gridpulse.cockpit.live.HourRecount;
import io.gridpulse.cockpit.wall.WallView;


/** The cockpit's web server (embedded Jetty through vaadin-boot). */
public final class CockpitServer implements AutoCloseable {
    private final VaadinBoot boot;
    private final HourRecount recount;

    private CockpitServer(VaadinBoot boot, HourRecount recount) {
        this.boot = boot;
        this.recount = recount;
    }

    public static CockpitServer start(CockpitContext context, String host, int port) throws Exception {
        CockpitContext.install(context);
        var boot = new VaadinBoot().withPort(port).listenOn(host).openBrowserInDevMode(false);
        boot.start();
        // the region's wall is read once in the background, so the first screen to open it after a start paints at once
        Thread.ofVirtual().name("wall-prepare").start(() -> {
            try {
                context.region().roots().forEach(root -> WallView.prepare(context, root.code()));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CockpitServer.class).warn("could not prepare the wall: {}", e.toString());
            }
        });
        return new CockpitServer(boot, HourRecount.start(context.warehouse(), context.clock()));
    }

    public String url() {
        return boot.getServerURL();
    }

    @Override
    public void close() {
        recount.close();
        boot.stop("GridPulse is shutting down");
    }
}
