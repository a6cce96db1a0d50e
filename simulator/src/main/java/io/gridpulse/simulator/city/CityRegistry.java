package io.gridpulse.simulator.city;

import io.gridpulse.model.privacy.Pseudonymiser;
import io.gridpulse.model.registry.HouseholdRegistration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The simulated city's households as entries of the household registry (the {@code gp.registry} topic): grid and
 * groups, every resident by the pseudonym ingest gives them (the same key, so a demand a resident raises through any
 * channel names the pseudonym listed here) and the wristbands worn there. So the events the generator makes and the
 * registry agree: a demand comes from a household's head, a wristband is worn in the household it is listed in.
 */
public final class CityRegistry {
    private final CityModel city;
    private final Pseudonymiser pseudonymiser;
    /** Wristband ids by household position ({@code gridIndex << 32 | householdIndex}). */
    private final Map<Long, List<String>> wristbands = new HashMap<>();

    /**
     * The registry of this city.
     *
     * @param pseudonymiser with ingest's key ({@code GP_PSEUDONYM_KEY}); any other key lists pseudonyms no event carries
     */
    public CityRegistry(CityModel city, Pseudonymiser pseudonymiser) {
        this.city = Objects.requireNonNull(city, "city");
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        for (var band : city.wristbands()) {
            wristbands.computeIfAbsent((long) band.gridIndex() << 32 | band.householdIndex(), k -> new ArrayList<>(1))
                    .add(band.id());
        }
    }

    /** The entry of one household, taking effect at {@code asOf}. */
    public HouseholdRegistration entry(Household household, Instant asOf) {
        var residents = household.residents().stream().map(r -> pseudonymiser.pseudonymOf(r.ref()).value()).toList();
        var groups = household.groups().stream().map(g -> g.name().toLowerCase(Locale.ROOT)).toList();
        var devices = wristbands.getOrDefault((long) household.grid().index() << 32 | household.index(), List.of());
        return HouseholdRegistration.registered(household.id(), household.grid().code().value(), groups, asOf, residents, devices);
    }

    /** Every household's entry, grid by grid (derived as the stream is read), all taking effect at {@code asOf}. */
    public Stream<HouseholdRegistration> entries(Instant asOf) {
        return city.households().map(h -> entry(h, asOf));
    }
}
