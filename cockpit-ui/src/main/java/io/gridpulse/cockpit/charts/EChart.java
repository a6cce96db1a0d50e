package io.gridpulse.cockpit.charts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;

/**
 * An Apache ECharts chart. Options are ECharts option objects given as JSON text; a map series
 * draws regions registered with {@link #registerMap}, offline, from geo-data's GeoJSON.
 */
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./gp-echarts.js")
public final class EChart extends Div {
    private final String theme;
    private String option = "{}";
    private String mapName;
    private String mapGeoJson;

    /** @param theme an ECharts theme name ("dark" for the wall screen) or null for the default */
    public EChart(String theme) {
        this.theme = theme;
        addClassName("gp-echart");
    }

    /** Makes a map available to this chart's option under {@code name}; sent once per page. */
    public void registerMap(String name, String geoJson) {
        this.mapName = name;
        this.mapGeoJson = geoJson;
        if (isAttached()) {
            getElement().executeJs("window.gpEcharts.registerMap($0, $1)", name, geoJson);
        }
    }

    /** Replaces the chart's option (merged by ECharts, so only what changed is redrawn). */
    public void setOption(String optionJson) {
        this.option = optionJson;
        if (isAttached()) {
            getElement().executeJs("window.gpEcharts.set(this, $0, $1)", optionJson, theme);
        }
    }

    /** Replaces the chart's option with a JSON tree (see {@link #setOption(String)}). */
    public void setOption(com.fasterxml.jackson.databind.JsonNode option) {
        setOption(option.toString());
    }

    public Registration addItemClickListener(com.vaadin.flow.component.ComponentEventListener<ItemClickEvent> listener) {
        return addListener(ItemClickEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (mapName != null) {
            getElement().executeJs("window.gpEcharts.registerMap($0, $1)", mapName, mapGeoJson);
        }
        getElement().executeJs("window.gpEcharts.set(this, $0, $1)", option, theme);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        getElement().executeJs("window.gpEcharts.dispose(this)");
    }

    /**
     * A click on a region or a data item; {@link #name()} is the item's name (a map region's code),
     * {@link #seriesId()} the id of the series clicked and {@link #id()} the data item's id (both null
     * when the option gave none).
     */
    @DomEvent("gp-chart-click")
    public static final class ItemClickEvent extends ComponentEvent<EChart> {
        private final String name;
        private final String seriesId;
        private final String id;

        public ItemClickEvent(EChart source, boolean fromClient, @EventData("event.detail.name") String name,
                              @EventData("event.detail.seriesId") String seriesId, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.name = name;
            this.seriesId = seriesId;
            this.id = id;
        }

        public String name() {
            return name;
        }

        public String seriesId() {
            return seriesId;
        }

        public String id() {
            return id;
        }
    }
}
