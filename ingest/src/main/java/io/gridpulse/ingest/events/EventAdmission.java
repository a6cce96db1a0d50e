package io.gridpulse.ingest.events;

import io.gridpulse.geo.crs.Coordinates;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEvent;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.privacy.Pseudonymiser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the edge decides about a well-formed event before it reaches the log: it must lie in the
 * configured region (an area code the region knows, or a point inside its boundary once converted
 * to WGS84 from the CRS the client measured in), a point must lie in the area the event names (or in
 * the key's own areas), and the sending key must cover its kind and area. A step of a demand case must
 * also fit the case's home (see {@link CaseHomes}): the key must cover the area the case was created in,
 * the step must happen in the case's street, and a case is created once.
 * An admitted event is pseudonymised; the log never sees an ID number or phone.
 */
public final class EventAdmission {
    private final Region region;
    private final Pseudonymiser pseudonymiser;
    private final String regionName;

    public EventAdmission(Region region, Pseudonymiser pseudonymiser) {
        this.region = region;
        this.pseudonymiser = pseudonymiser;
        this.regionName = region.roots().stream().map(a -> a.name() + " (" + a.code() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("the configured region");
    }

    /** The verdict on one event. */
    public sealed interface Verdict {
        /** The event may be appended, pseudonymised; it lies in {@code area} (null for none). */
        record Admit(Event event, AreaCode area) implements Verdict { }

        /** The event is refused: 400 for a place outside the region, 403 for what the key may not send. */
        record Refuse(int status, String type, List<Problem> problems) implements Verdict { }
    }

    public Verdict judge(Event event, KeyGrant grant) {
        return judge(event, grant, null);
    }

    /** The verdict on one event, a demand event judged against its case's home too (null: not known yet). */
    public Verdict judge(Event event, KeyGrant grant, CaseHomes.Home home) {
        if (!grant.allows(event.kind())) {
            return new Verdict.Refuse(403, "out-of-scope", List.of(new Problem("/kind",
                    "the key of " + grant.client() + " may not send " + event.kind().wireName() + " events")));
        }
        var problems = new ArrayList<Problem>();
        AreaCode area = null;
        var given = event.gridCode();
        if (given.isPresent()) {
            if (region.area(given.get()).isEmpty()) {
                problems.add(new Problem("/gridCode", "is not an area of " + regionName));
            } else {
                area = given.get();
            }
        }
        var point = event.point();
        if (point.isPresent()) {
            var wgs84 = Coordinates.toWgs84(point.get());
            Optional<AreaCode> located = region.locate(wgs84.lon(), wgs84.lat());
            if (located.isEmpty()) {
                problems.add(new Problem("/point", "lies outside " + regionName + " (read as "
                        + point.get().crs().wireName() + "; check the crs field if the device reports another one)"));
            } else if (area == null) {
                area = located.get();
            } else if (!area.contains(located.get()) && !grant.covers(located.get())) {
                problems.add(new Problem("/point", "lies in " + located.get() + ", outside " + area
                        + " that gridCode names (read as " + point.get().crs().wireName() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return new Verdict.Refuse(400, "invalid-request", problems);
        }
        if (area != null && !grant.covers(area)) {
            var pointer = given.isPresent() ? "/gridCode" : "/point";
            return new Verdict.Refuse(403, "out-of-scope", List.of(new Problem(pointer,
                    "lies in " + area + ", outside the areas the key of " + grant.client() + " may write: " + grant.areas())));
        }
        if (home != null && event instanceof DemandEvent demand) {
            var refusal = againstHome(demand, grant, home, area, given.isPresent() ? "/gridCode" : "/point");
            if (refusal != null) {
                return refusal;
            }
        }
        return new Verdict.Admit(pseudonymiser.pseudonymise(event), area);
    }

    /** A case is created once, and moved on only by keys that cover its home, from within its street. */
    private static Verdict.Refuse againstHome(DemandEvent demand, KeyGrant grant, CaseHomes.Home home, AreaCode area,
                                              String areaPointer) {
        if (demand instanceof DemandCreated) {
            if (home.createdBy().equals(demand.eventId())) {
                return null;
            }
            return new Verdict.Refuse(409, "conflict", List.of(new Problem("/caseId", "names case " + demand.caseId()
                    + ", created already in " + home.area() + " by event " + home.createdBy()
                    + "; a case is created once: give a new demand its own caseId")));
        }
        if (!grant.covers(home.area())) {
            return new Verdict.Refuse(403, "out-of-scope", List.of(new Problem("/caseId", "names case " + demand.caseId()
                    + " of " + home.area() + ", outside the areas the key of " + grant.client() + " may write: "
                    + grant.areas())));
        }
        var reach = home.area().level().compareTo(AreaLevel.STREET) >= 0 ? home.area().at(AreaLevel.STREET) : home.area();
        if (area != null && !reach.contains(area) && !area.contains(reach)) {
            return new Verdict.Refuse(400, "invalid-request", List.of(new Problem(areaPointer, "lies in " + area
                    + ", outside " + reach + " where case " + demand.caseId() + " belongs; its steps happen there")));
        }
        return null;
    }
}
