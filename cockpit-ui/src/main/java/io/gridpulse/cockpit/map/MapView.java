package io.gridpulse.cockpit.map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.cases.CaseListQuery;
import io.gridpulse.cockpit.charts.EChart;
import io.gridpulse.cockpit.layers.MapLayers;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The map explorer: the children of an area drawn from the region and coloured by an indicator; a click
 * drills down (county > street > community > grid), the breadcrumb goes back up, the side panel has
 * the area's numbers. Everything on screen is one {@link MapState}, read from the URL and written back to it, so a
 * view can be bookmarked; an area outside the user's scope is refused here and in the access guard, and every layer
 * reads only the area shown. A click on a breach or warning opens its case.
 *
 * <p>This view only assembles: {@link MapScreen} reads (figures, layers, the cases behind a figure), the components
 * ({@link MapBreadcrumb}, {@link IndicatorBar}, {@link LayerBar}, {@link AreaPanel}) draw and tell it the state the
 * user chose, {@link MapOption} writes the chart, {@code styles/map.css} styles it. Each change of state is a
 * navigation, so it passes the access guard and {@link #setParameter} again.
 *
 * <p>Alerts by department: a department head's breach layer and alert figures (open alerts, open breaches,
 * and the children coloured by them) count only the alerts of the cases last assigned to their department;
 * users without a department may narrow them to one with {@code &dept=<code>}, which a department head's URL
 * cannot change (see {@link CockpitUser#alertDepartment}).
 *
 * <p>The cases behind a number: a click on the panel's "demands today", "open alerts" or "open breaches" lists
 * under the figures the newest cases behind it in the area on screen (read only then, not on every drill-down),
 * narrowed as the figure is (scope, department) and, while the heat layer shows one population group, to that
 * group; a link opens the full case list with the same filters ({@link CaseListQuery}).
 */
@Route(value = "map", layout = MainLayout.class)
@Requires(value = Permission.EXPLORE_MAP, areaInPath = true)
@StyleSheet("styles/map.css")
public final class MapView extends HorizontalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private final CockpitContext context = CockpitContext.get();
    private final boolean english = Languages.current().getLanguage().equals("en");
    private final MapScreen screen;
    private final MapBreadcrumb breadcrumb = new MapBreadcrumb();
    private final IndicatorBar indicators = new IndicatorBar(this::navigate);
    private final LayerBar layerBar = new LayerBar(this::navigate);
    private final EChart map = new EChart(null);
    private final AreaPanel panel = new AreaPanel(this::drill, this::showCases, this::name);
    private CockpitUser user;
    private MapState state;
    /** Code by display name of the areas drawn (names are unique among siblings). */
    private Map<String, AreaCode> drawnByName = Map.of();

    public MapView() {
        screen = new MapScreen(context, new MapLayers.Labels() {
            @Override
            public String text(String key, Object... parameters) {
                return getTranslation(key, parameters);
            }

            @Override
            public boolean english() {
                return english;
            }
        });
        // the layout gives this view the height below its bar; 100% would add the bar's height again
        setWidthFull();
        addClassName("gp-map-view");
        setPadding(true);
        map.setId("map-chart");
        map.addClassName("gp-map-chart");
        map.setWidthFull();
        map.addItemClickListener(click -> {
            if (click.seriesId() != null && (click.seriesId().startsWith("layer-breaches") || click.seriesId().equals("layer-warnings"))
                    && click.id() != null && !click.id().isEmpty()) {
                // the case page is route cases/<caseId>; it checks the case's area against the user's scope again
                UI.getCurrent().navigate("cases/" + URLEncoder.encode(click.id(), StandardCharsets.UTF_8).replace("+", "%20"));
            } else if (click.seriesId() == null || !click.seriesId().startsWith("layer-")) {
                var code = drawnByName.get(click.name());
                if (code != null && !code.equals(state.area())) {
                    drill(code);
                }
            }
        });
        var left = new VerticalLayout(breadcrumb, indicators, layerBar, map);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, map);
        add(left, panel);
        setFlexGrow(1, left);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String areaCode) {
        var signedIn = SignedIn.user();
        if (signedIn.isEmpty()) {
            return;   // the access guard sends this navigation to the sign-in page
        }
        user = signedIn.get();
        var area = user.scope();
        if (areaCode != null) {
            var asked = user.visible(areaCode);
            if (asked.isEmpty()) {
                event.rerouteToError(AccessDenied.class, "area " + areaCode + " is outside " + user.name() + "'s scope");
                return;
            }
            area = asked.get();
        }
        if (screen.region().area(area).isEmpty()) {
            event.rerouteToError(NotFoundException.class, area.value());
            return;
        }
        state = MapState.read(area, user, event.getLocation().getQueryParameters());
        show();
    }

    /** The state on screen, for tests. */
    MapState state() {
        return state;
    }

    private void show() {
        var now = screen.now();
        var drawn = screen.drawn(state);
        drawnByName = drawn.drawn().stream().collect(Collectors.toMap(this::name, Area::code, (a, b) -> a));
        var figures = screen.figures(state, drawn.leaf(), now);
        var layers = screen.layers(state, now);
        breadcrumb.show(screen.region(), state, user, this::name);
        indicators.show(state);
        layerBar.show(state, user, MapOption.heatShown(state) ? screen.demandTypes(state, now) : java.util.List.of(),
                screen::demandTypeName);
        var mapName = "map-" + drawn.drawnParent().code();
        map.registerMap(mapName, screen.region().childrenGeoJson(drawn.drawnParent().code()));
        map.setOption(MapOption.of(mapName, drawn.drawn(), figures.byChild(), drawn.leaf() ? drawn.self() : null,
                state.indicator(), MapOption.heatShown(state), layers, this::getTranslation, this::name));
        panel.show(state, user, drawn, figures, layers);
    }

    private void showCases(CaseFigure figure) {
        panel.showCases(state, user, figure, screen.casesBehind(user, state, figure), context.zone());
    }

    private void drill(AreaCode code) {
        navigate(state.withArea(code));
    }

    private void navigate(MapState next) {
        UI.getCurrent().navigate(next.path(), next.query(user));
    }

    private String name(Area area) {
        return area.displayName(english);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("map.title") + (state == null ? "" : " · " + screen.region().area(state.area()).map(this::name).orElse(""));
    }
}
