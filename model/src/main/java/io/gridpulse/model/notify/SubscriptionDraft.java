package io.gridpulse.model.notify;

import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A subscription as someone asks for it, before it is checked: the same rules for the API's JSON and the cockpit's
 * form, each problem named by the JSON Pointer of its field. Null stands for a field left out.
 *
 * @param areas       area codes; none means the subscriber's own scope
 * @param minSeverity null for {@code info}
 */
public record SubscriptionDraft(String channel, String url, String secret, List<String> areas, List<String> kinds,
                                String minSeverity) {

    public SubscriptionDraft {
        areas = areas == null ? List.of() : List.copyOf(areas);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /**
     * What checking a draft gives: the subscription, or the problems of the request (400) and the areas outside the
     * subscriber's scope (403).
     */
    public record Checked(Subscription subscription, List<Problem> problems, List<Problem> outside) {
        public boolean ok() {
            return subscription != null;
        }
    }

    /**
     * Checks the draft for a subscriber.
     *
     * @param owner    who subscribes (an API client, or {@code cockpit:<user>})
     * @param exists   whether an area code names an area of the region
     * @param covered  whether the subscriber may read an area's alerts
     * @param ownScope the subscriber's areas, taken when the draft names none; empty for the whole region
     */
    public Checked check(String owner, Predicate<AreaCode> exists, Predicate<AreaCode> covered, List<AreaCode> ownScope,
                         Instant now) {
        var problems = new ArrayList<Problem>();
        var outside = new ArrayList<Problem>();
        var chosen = Channel.fromWire(channel == null ? "" : channel);
        if (chosen.isEmpty()) {
            problems.add(new Problem("/channel", "must be one of " + Channel.WIRE_NAMES));
        }
        var target = chosen.orElse(null) == Channel.EMAIL ? mailto(problems) : url(problems);
        var given = secret != null && !secret.isEmpty();
        if (chosen.isPresent() && !chosen.get().takesSecret() && given) {
            problems.add(new Problem("/secret", "must be left out for " + chosen.get().wireName()
                    + (chosen.get() == Channel.EMAIL ? ": e-mail goes through the operator's SMTP server"
                    : ": the key in the robot's URL authenticates it")));
        } else if ((chosen.map(Channel::needsSecret).orElse(false) || given)
                && (secret == null || secret.length() < 16 || secret.length() > 256)) {
            problems.add(new Problem("/secret", "must be a string of 16 to 256 characters (the key the notifications are signed with)"));
        }
        var codes = new LinkedHashSet<AreaCode>();
        for (int i = 0; i < areas.size(); i++) {
            var area = AreaCode.parse(areas.get(i) == null ? "" : areas.get(i)).filter(exists);
            if (area.isEmpty()) {
                problems.add(new Problem("/areas/" + i, "must be the code of an area of this region, e.g. 439901001; list them at /api/v1/areas"));
            } else if (!covered.test(area.get())) {
                outside.add(new Problem("/areas/" + i, "is outside the areas of this subscriber"));
            } else {
                codes.add(area.get());
            }
        }
        if (areas.isEmpty()) {
            // a scoped subscriber's subscription without areas means its own areas, never the whole region
            codes.addAll(ownScope);
        }
        var wanted = EnumSet.noneOf(AlertKind.class);
        for (int i = 0; i < kinds.size(); i++) {
            var kind = AlertKind.fromWire(kinds.get(i) == null ? "" : kinds.get(i));
            if (kind.isEmpty()) {
                problems.add(new Problem("/kinds/" + i, "must be one of "
                        + Arrays.stream(AlertKind.values()).map(AlertKind::wireName).toList()));
            } else {
                wanted.add(kind.get());
            }
        }
        var least = minSeverity == null ? java.util.Optional.of(Severity.INFO) : Severity.fromWire(minSeverity);
        if (least.isEmpty()) {
            problems.add(new Problem("/minSeverity", "must be one of info, warning, major, critical"));
        }
        if (!problems.isEmpty() || !outside.isEmpty()) {
            return new Checked(null, List.copyOf(problems), List.copyOf(outside));
        }
        return new Checked(new Subscription("sub-" + UUID.randomUUID(), owner, chosen.get(), target, given ? secret : "",
                List.copyOf(codes), wanted, least.get(), now), List.of(), List.of());
    }

    /** One address, {@code mailto:duty@example.gov.cn}: no list, no headers, at most 254 characters. */
    private URI mailto(List<Problem> problems) {
        var text = url == null ? "" : url;
        var address = text.startsWith("mailto:") ? text.substring("mailto:".length()) : "";
        if (address.length() > 254 || !address.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            problems.add(new Problem("/url", "must be one e-mail address as a mailto: URL, e.g. mailto:duty@example.gov.cn"));
            return null;
        }
        return URI.create(text);
    }

    private URI url(List<Problem> problems) {
        var text = url == null ? "" : url;
        try {
            var uri = new URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null || text.length() > 2_000) {
                problems.add(new Problem("/url", "must be an absolute http or https URL without user and password, at most 2,000 characters"));
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(new Problem("/url", "is not a URL: " + e.getReason()));
            return null;
        }
    }
}
