package io.gridpulse.geo.region;

import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import org.locationtech.jts.geom.Geometry;

/** One area of a region file: its names, the parent it declares (null for a root) and its WGS84 outline. */
record RegionArea(Area area, AreaCode parent, Geometry geometry) {

    AreaCode code() {
        return area.code();
    }
}
