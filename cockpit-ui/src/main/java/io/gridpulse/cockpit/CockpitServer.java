package io.gridpulse.cockpit;

import com.github.mvysny.vaadinboot.VaadinBoot;
import io.gridpulse.cockpit.live.HourRecount;

import java.time.Clock;

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
        return new CockpitServer(boot, HourRecount.start(context.warehouse(), Clock.systemUTC()));
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
