package io.gridpulse.cockpit.security;

import com.vaadin.flow.component.Component;
import io.gridpulse.cockpit.alerts.AlertInboxView;
import io.gridpulse.cockpit.cases.CasesView;
import io.gridpulse.cockpit.map.MapView;
import io.gridpulse.cockpit.wall.WallView;

import java.util.Optional;

/** Where each role lands after signing in: the page its work starts from, as the mission names them. */
public final class Landing {

    private Landing() {}

    /** The role's own page, or empty for the street counts (administrators). */
    public static Optional<Class<? extends Component>> of(Role role) {
        return Optional.ofNullable(switch (role) {
            case LEADER -> WallView.class;
            case WATCHER -> AlertInboxView.class;
            case DEPARTMENT_HEAD -> MapView.class;
            case ANALYST -> CasesView.class;
            case ADMINISTRATOR -> null;
        });
    }
}
