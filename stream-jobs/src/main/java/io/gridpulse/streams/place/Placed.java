package io.gridpulse.streams.place;

/** Where an event was placed: in an area (with its WGS84 point when it had one), or nowhere, with the reason. */
public sealed interface Placed {

    /**
     * Placed in an area; codes above the area's own level are filled, the finer ones empty.
     *
     * @param lon WGS84 longitude of the event's point, null when it had none
     * @param lat WGS84 latitude, null when it had none
     */
    record At(String gridCode, String communityCode, String streetCode, String countyCode, Double lon, Double lat)
            implements Placed {
    }

    /** Could not be placed; {@code reason} says why, for the dead-letter table; the WGS84 point it had. */
    record Nowhere(String reason, Double lon, Double lat) implements Placed {

        /** The event outside every area: no area codes, only its point. */
        public At outsideTheRegion() {
            return new At("", "", "", "", lon, lat);
        }
    }
}
