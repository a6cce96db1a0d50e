package io.gridpulse.cockpit;

import com.github.mvysny.vaadinboot.VaadinBoot;

/** The cockpit's web server (embedded Jetty through vaadin-boot). */
public final class CockpitServer implements AutoCloseable {
    private final VaadinBoot boot;

    private CockpitServer(VaadinBoot boot) {
        this.boot = boot;
    }

    public static CockpitServer start(CockpitContext context, String host, int port) throws Exception {
        CockpitContext.install(context);
        var boot = new VaadinBoot().withPort(port).listenOn(host).openBrowserInDevMode(false);
        boot.start();
        return new CockpitServer(boot);
    }

    public String url() {
        return boot.getServerURL();
    }

    @Override
    public void close() {
        boot.stop("GridPulse is shutting down");
    }
}
