package io.gridpulse.cockpit.map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.Area;

import java.util.function.Function;

/** The way back up: the area's ancestors from the user's own scope down, each a link keeping the map's other state. */
final class MapBreadcrumb extends Div {

    MapBreadcrumb() {
        setId("map-breadcrumb");
        addClassName("gp-map-breadcrumb");
    }

    void show(Region region, MapState state, CockpitUser user, Function<Area, String> name) {
        removeAll();
        // ancestors above the scope are not theirs to open
        var steps = region.lineage(state.area()).stream().filter(a -> user.canSee(a.code())).toList();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            if (i > 0) {
                add(new Span(" › "));
            }
            if (i == steps.size() - 1) {
                var here = new Span(name.apply(step));
                here.addClassName("gp-here");
                add(here);
            } else {
                var link = new RouterLink(name.apply(step), MapView.class, step.code().value());
                link.setQueryParameters(state.withArea(step.code()).query(user));
                link.setId("crumb-" + step.code());
                add(link);
            }
        }
    }
}
