package io.gridpulse.geo.region;

import java.util.Optional;

/** What a facility on the map is; the wire name is what GeoJSON files carry in {@code kind}. */
public enum FacilityKind {
    /** A street's or township's service hall (便民服务大厅), with numbered service windows. */
    SERVICE_HALL("service_hall"),
    /** A community's or village's service station (社区/村服务站). */
    COMMUNITY_STATION("community_station"),
    /** A home-care or mutual-aid elderly-care station (居家/互助养老服务站). */
    ELDERLY_CARE_STATION("elderly_care_station"),
    /** A smart plaque (掛牌亮戶, {@code 000}) of a merchant, community or agency, scanned by QR code or NFC. */
    SMART_PLAQUE("smart_plaque");

    private final String wireName;

    FacilityKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind with this wire name, if any. */
    public static Optional<FacilityKind> fromWire(String name) {
        for (var kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
