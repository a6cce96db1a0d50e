package io.gridpulse.model.keys;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.json.Problem;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An API key as an administrator asks for it, before it is checked, each problem named by the JSON Pointer of its
 * field. Null stands for a field left out.
 *
 * @param rights    wire names ({@code write}, {@code read}, {@code metrics}); at least one
 * @param areas     area codes; none means the administrator's own area
 * @param kinds     event kinds the key may send; none means all
 * @param perSecond null for {@link KeyGrant#DEFAULT_PER_SECOND}
 * @param burst     null for twice the rate
 */
public record KeyDraft(String client, List<String> rights, List<String> areas, List<String> kinds, Double perSecond,
                       Integer burst) {
    /** A client's name: it labels logs and metrics, so lower case, digits, '.', '_' and '-' only. */
    public static final Pattern CLIENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public KeyDraft {
        rights = rights == null ? List.of() : List.copyOf(rights);
        areas = areas == null ? List.of() : List.copyOf(areas);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** What checking gives: the grant, or the problems of the request and the areas outside the administrator's. */
    public record Checked(KeyGrant grant, List<Problem> problems, List<Problem> outside) {
        public boolean ok() {
            return grant != null;
        }
    }

    /**
     * @param exists   whether an area code names an area of the region
     * @param covered  whether the administrator may hand out an area
     * @param ownScope the administrator's area, taken when the draft names none; empty when they may give the whole region
     * @param taken    client names already given (revoked keys keep theirs, so the logs stay unambiguous)
     */
    public Checked check(Predicate<AreaCode> exists, Predicate<AreaCode> covered, List<AreaCode> ownScope, Set<String> taken) {
        var problems = new ArrayList<Problem>();
        var outside = new ArrayList<Problem>();
        var name = client == null ? "" : client.strip();
        if (!CLIENT.matcher(name).matches()) {
            problems.add(new Problem("/client", "must be 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit"));
        } else if (taken.contains(name)) {
            problems.add(new Problem("/client", "is taken by another key (revoked keys keep their names)"));
        }
        var chosenRights = EnumSet.noneOf(Right.class);
        for (int i = 0; i < rights.size(); i++) {
            var right = Right.fromWire(rights.get(i) == null ? "" : rights.get(i));
            if (right.isEmpty()) {
                problems.add(new Problem("/rights/" + i, "must be write, read, metrics or keys"));
            } else {
                chosenRights.add(right.get());
            }
        }
        if (rights.isEmpty()) {
            problems.add(new Problem("/rights", "must name at least one right: write, read, metrics or keys"));
        }
        var codes = new LinkedHashSet<AreaCode>();
        for (int i = 0; i < areas.size(); i++) {
            var area = AreaCode.parse(areas.get(i) == null ? "" : areas.get(i)).filter(exists);
            if (area.isEmpty()) {
                problems.add(new Problem("/areas/" + i, "must be the code of an area of this region, e.g. 439901001"));
            } else if (!covered.test(area.get())) {
                outside.add(new Problem("/areas/" + i, "is outside the administrator's area"));
            } else {
                codes.add(area.get());
            }
        }
        if (areas.isEmpty()) {
            codes.addAll(ownScope);
        }
        var chosenKinds = new LinkedHashSet<EventKind>();
        for (int i = 0; i < kinds.size(); i++) {
            var kind = EventKind.fromWire(kinds.get(i) == null ? "" : kinds.get(i));
            if (kind.isEmpty()) {
                problems.add(new Problem("/kinds/" + i, "must be an event kind, e.g. household.visit"));
            } else {
                chosenKinds.add(kind.get());
            }
        }
        double rate = perSecond == null ? KeyGrant.DEFAULT_PER_SECOND : perSecond;
        if (!(rate > 0) || rate > KeyGrant.DEFAULT_PER_SECOND) {
            problems.add(new Problem("/perSecond", "must be more than 0 and at most " + (long) KeyGrant.DEFAULT_PER_SECOND));
        }
        int most = burst == null ? (int) Math.min(KeyGrant.DEFAULT_BURST, Math.max(1, Math.ceil(rate * 2))) : burst;
        if (most < 1 || most > KeyGrant.DEFAULT_BURST) {
            problems.add(new Problem("/burst", "must be 1 to " + KeyGrant.DEFAULT_BURST));
        }
        if (!problems.isEmpty() || !outside.isEmpty()) {
            return new Checked(null, List.copyOf(problems), List.copyOf(outside));
        }
        return new Checked(new KeyGrant(name, chosenRights, List.copyOf(codes), chosenKinds, rate, most), List.of(), List.of());
    }
}
