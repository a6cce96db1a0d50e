package io.gridpulse.geo.region;

import io.gridpulse.model.area.AreaCode;

import java.util.Objects;

/**
 * A place where residents are served, as a WGS84 point inside the area it belongs to.
 *
 * @param code     unique id of the facility (the demo's halls are {@code hall-<street code>}, as the simulator names them)
 * @param nameEn   English name, may be null
 * @param areaCode the area the facility lies in (the demo places every facility in a grid)
 * @param windows  number of service windows; 0 for facilities without numbered windows
 */
public record Facility(FacilityKind kind, String code, String name, String nameEn, AreaCode areaCode,
                       double lon, double lat, int windows) {

    public Facility {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(areaCode, "areaCode");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a facility must have a code");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("facility " + code + " must have a name");
        }
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException("facility " + code + " must have finite coordinates");
        }
        if (windows < 0) {
            throw new IllegalArgumentException("facility " + code + " cannot have " + windows + " windows");
        }
    }
}
