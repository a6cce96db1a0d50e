package io.gridpulse.simulator.city;

import io.gridpulse.simulator.Weights;

import static io.gridpulse.simulator.city.PopulationMix.*;

import io.gridpulse.geo.region.Facility;
import io.gridpulse.geo.region.FacilityKind;
import io.gridpulse.geo.region.Region;
import io.gridpulse.geo.registry.RegisteredDevice;
import io.gridpulse.geo.registry.RegisteredHousehold;
import io.gridpulse.geo.registry.Registry;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.PlaqueSubjectType;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.model.event.SensorType;
import io.gridpulse.model.privacy.ResidentIdentifiers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The demo city drawn from a seed: its 15 streets, about 1,080 grids, the households in them, about
 * 300 grid workers, the devices, service halls, sensors and plaques. The same seed always gives the
 * same city. Households are derived on demand from (seed, grid, index), so the 380,000 of them cost
 * no memory until asked for.
 *
 * <p>{@link #of(long, Region, Registry)} builds the city of a loaded region and households/devices registry
 * instead: its households (residents' ages drawn to match the registered counts) and its devices. A device type
 * the registry lists replaces the generated devices of that type; a grid without a registered grid terminal
 * gets a generated one ({@code gt-<grid code>}) so that its visits have a sender. Service halls come from the
 * region's {@code service_hall} facilities (one is generated in the first grid of a street without one), with a
 * queue machine and a rating device per window unless the registry names machines with that {@code hall_id}.
 * Grid workers (one per 3.6 grids of a street), kiosks, sensors and plaques are generated from the areas.
 */
public final class CityModel {


    /** The demo region's county-level code. */
    public static final AreaCode REGION = AreaCode.of("439901");
    /** The date ages are counted on (birth dates are drawn back from it). */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

    private static final double RURAL_MEAN_HOUSEHOLD = meanHouseholdSize(true);
    private static final double URBAN_MEAN_HOUSEHOLD = meanHouseholdSize(false);

    private final long seed;
    private final List<AreaCode> streets;
    private final List<Grid> grids;
    private final List<GridWorker> workers;
    private final List<ServiceHall> halls;
    private final List<Device> devices;
    private final List<Device> wristbands;
    private final List<Sensor> sensors;
    private final List<Plaque> plaques;
    private final long householdCount;
    private final Map<PopulationGroup, long[]> positions = new java.util.concurrent.ConcurrentHashMap<>();

    private final Registry registry;
    private final Map<String, Integer> registeredIndex;

    private CityModel(long seed, Region region, Registry registry) {
        this.seed = seed;
        this.registry = registry;
        this.streets = region.areas(AreaLevel.STREET).stream().map(a -> a.code()).toList();
        var rnd = new SplittableRandom(seed);
        var grids = new ArrayList<Grid>();
        var workers = new ArrayList<GridWorker>();
        var halls = new ArrayList<ServiceHall>();
        var devices = new ArrayList<Device>();
        var sensors = new ArrayList<Sensor>();
        var plaques = new ArrayList<Plaque>();
        var registered = registry == null ? List.<RegisteredDevice>of() : registry.devices();
        var registeredTypes = EnumSet.noneOf(DeviceType.class);
        registered.forEach(d -> registeredTypes.add(d.type()));
        var terminalOf = new HashMap<AreaCode, RegisteredDevice>();
        registered.stream().filter(d -> d.type() == DeviceType.GRID_TERMINAL).forEach(d -> terminalOf.putIfAbsent(d.grid(), d));
        boolean generatedKiosks = !registeredTypes.contains(DeviceType.KIOSK);
        int ruralStreets = (int) streets.stream().filter(CityModel::isRural).count();
        int urbanStreets = streets.size() - ruralStreets;
        double ruralResidentsPerGrid = RESIDENTS * RURAL_RESIDENT_SHARE / (Math.max(1, ruralStreets) * GRIDS_PER_RURAL_STREET);
        double urbanResidentsPerGrid = RESIDENTS * (1 - RURAL_RESIDENT_SHARE) / (Math.max(1, urbanStreets) * GRIDS_PER_URBAN_STREET);
        for (var street : streets) {
            boolean rural = isRural(street);
            var streetGrids = new ArrayList<Grid>();
            var leaves = new ArrayList<AreaCode>();
            var firstOfCommunity = new HashSet<AreaCode>();
            // the communities and grids are the region's, so every simulated event lands on a real boundary
            for (var communityArea : region.children(street)) {
                var before = leaves.size();
                leavesUnder(region, communityArea.code(), leaves);
                if (leaves.size() > before) {
                    firstOfCommunity.add(leaves.get(before));
                }
            }
            int gridCount = leaves.size();
            if (gridCount == 0) {
                continue;
            }
            int workerCount = Math.max(1, (int) Math.round(gridCount / GRIDS_PER_WORKER));
            for (int j = 0; j < gridCount; j++) {
                var code = leaves.get(j);
                int households;
                if (registry == null) {
                    double residents = (rural ? ruralResidentsPerGrid : urbanResidentsPerGrid) * (0.75 + 0.5 * rnd.nextDouble());
                    households = (int) Math.round(residents / (rural ? RURAL_MEAN_HOUSEHOLD : URBAN_MEAN_HOUSEHOLD));
                } else {
                    households = registry.householdsIn(code).size();
                }
                var workerId = "gw-" + street + "-" + pad(j * workerCount / gridCount + 1, 2);
                var terminal = terminalOf.get(code);
                var grid = new Grid(code, grids.size(), rural, households, workerId,
                        terminal != null ? terminal.id() : "gt-" + code);
                grids.add(grid);
                streetGrids.add(grid);
                if (terminal == null) {
                    devices.add(new Device(grid.terminalId(), DeviceType.GRID_TERMINAL, code, grid.index(), null, -1));
                }
                if (!rural) {
                    sensors.add(new Sensor("cam-" + code, SensorType.VIDEO_AI, code));
                }
                plaques.add(new Plaque("pq-" + code + "-m1", PlaqueSubjectType.MERCHANT, code));
                plaques.add(new Plaque("pq-" + code + "-m2", PlaqueSubjectType.MERCHANT, code));
                if (firstOfCommunity.contains(code)) {
                    var community = code.at(AreaLevel.COMMUNITY);
                    if (generatedKiosks) {
                        devices.add(new Device("ki-" + community, DeviceType.KIOSK, code, grid.index(), null, -1));
                    }
                    sensors.add(new Sensor("smk-" + community, SensorType.SMOKE, code));
                    sensors.add(rural ? new Sensor("cam-" + community, SensorType.VIDEO_AI, code)
                            : new Sensor("acc-" + community, SensorType.ACCESS, code));
                    plaques.add(new Plaque("pq-" + community + "-c", PlaqueSubjectType.COMMUNITY, code));
                }
            }
            for (int w = 0; w < workerCount; w++) {
                var id = "gw-" + street + "-" + pad(w + 1, 2);
                var own = streetGrids.stream().filter(g -> g.workerId().equals(id)).toList();
                if (!own.isEmpty()) {
                    workers.add(new GridWorker(id, own));
                }
            }
            var hallFacility = region.facilitiesIn(street).stream()
                    .filter(f -> f.kind() == FacilityKind.SERVICE_HALL).findFirst();
            var seat = hallFacility.flatMap(f -> streetGrids.stream().filter(g -> f.areaCode().contains(g.code())).findFirst())
                    .orElse(streetGrids.getFirst());
            var hallId = hallFacility.map(Facility::code).orElse("hall-" + street);
            int windows = hallFacility.map(Facility::windows).filter(n -> n > 0).orElse(rural ? 6 : 10);
            var windowIds = IntStream.rangeClosed(1, windows).mapToObj(w -> hallId + "-w" + pad(w, 2)).toList();
            var hallMachines = registered.stream().filter(d -> hallId.equals(d.hallId())).toList();
            var queueMachine = hallMachines.stream().filter(d -> d.type() == DeviceType.QUEUE_MACHINE).findFirst()
                    .map(RegisteredDevice::id).orElse("qm-" + street);
            var raters = hallMachines.stream().filter(d -> d.type() == DeviceType.RATING_DEVICE).map(RegisteredDevice::id).toList();
            var ratingIds = IntStream.rangeClosed(1, windows).mapToObj(w -> raters.isEmpty()
                    ? "rd-" + street + "-w" + pad(w, 2) : raters.get((w - 1) % raters.size())).toList();
            var hall = new ServiceHall(hallId, seat.code(), seat.index(), windowIds, queueMachine, ratingIds);
            halls.add(hall);
            if (hallMachines.stream().noneMatch(d -> d.type() == DeviceType.QUEUE_MACHINE)) {
                devices.add(new Device(hall.queueMachineId(), DeviceType.QUEUE_MACHINE, seat.code(), seat.index(), hallId, -1));
            }
            if (raters.isEmpty()) {
                ratingIds.forEach(id -> devices.add(new Device(id, DeviceType.RATING_DEVICE, seat.code(), seat.index(), hallId, -1)));
            }
            if (generatedKiosks) {
                for (int k = 1; k <= 2; k++) {
                    devices.add(new Device("ki-" + street + "-" + pad(k, 2), DeviceType.KIOSK, seat.code(), seat.index(), hallId, -1));
                }
            }
            sensors.add(new Sensor("env-" + street, SensorType.ENVIRONMENT, seat.code()));
            for (int k = 1; k <= 3; k++) {
                plaques.add(new Plaque("pq-" + street + "-a" + k, PlaqueSubjectType.AGENCY, seat.code()));
            }
        }
        this.grids = List.copyOf(grids);
        this.householdCount = grids.stream().mapToLong(Grid::households).sum();
        if (registry == null) {
            this.registeredIndex = Map.of();
            this.wristbands = List.copyOf(handOutWristbands(rnd));
        } else {
            var index = new HashMap<String, Integer>();
            for (var g : grids) {
                var list = registry.householdsIn(g.code());
                for (int i = 0; i < list.size(); i++) {
                    index.put(list.get(i).id(), i);
                }
            }
            this.registeredIndex = Map.copyOf(index);
            var byCode = new HashMap<AreaCode, Grid>();
            grids.forEach(g -> byCode.put(g.code(), g));
            var bands = new ArrayList<Device>();
            for (var d : registered) {
                var grid = byCode.get(d.grid());
                if (grid == null) {
                    continue; // a grid outside every street of the region: nothing simulated there
                }
                if (d.type() == DeviceType.WRISTBAND) {
                    bands.add(new Device(d.id(), d.type(), grid.code(), grid.index(), null, registeredIndex.get(d.householdId())));
                } else {
                    devices.add(new Device(d.id(), d.type(), grid.code(), grid.index(), d.hallId(), -1));
                }
            }
            this.wristbands = List.copyOf(bands);
        }
        devices.addAll(wristbands);
        this.workers = List.copyOf(workers);
        this.halls = List.copyOf(halls);
        this.devices = List.copyOf(devices);
        this.sensors = List.copyOf(sensors);
        this.plaques = List.copyOf(plaques);
    }

    /** Adds the finest areas under {@code code}, depth first in code order (the code itself if it has no children). */
    private static void leavesUnder(Region region, AreaCode code, List<AreaCode> out) {
        var children = region.children(code);
        if (children.isEmpty()) {
            out.add(code);
        }
        children.forEach(c -> leavesUnder(region, c.code(), out));
    }

    /** The demo region's city drawn from this seed. */
    public static CityModel demo(long seed) {
        return generated(seed, Region.demo());
    }

    /** A city drawn from this seed in a region whose households and devices are not registered: all are generated. */
    public static CityModel generated(long seed, Region region) {
        return new CityModel(seed, java.util.Objects.requireNonNull(region, "region"), null);
    }

    /**
     * The city of a loaded region and its registered households and devices; the seed draws what the
     * registry does not say (residents' ages, the generated devices' and workers' activity).
     */
    public static CityModel of(long seed, Region region, Registry registry) {
        return new CityModel(seed, region, java.util.Objects.requireNonNull(registry, "registry"));
    }

    /** Whether the households are a loaded registry's rather than drawn from the population mix. */
    public boolean registered() {
        return registry != null;
    }

    /** Whether a street code is a township (1xx towns, 2xx townships) rather than an urban street (0xx). */
    public static boolean isRural(AreaCode street) {
        return street.at(AreaLevel.STREET).value().charAt(6) != '0';
    }

    public long seed() {
        return seed;
    }

    /** The 15 streets and townships, by code. */
    public List<AreaCode> streets() {
        return streets;
    }

    /** The grids in code order; a grid's {@link Grid#index()} is its position here. */
    public List<Grid> grids() {
        return grids;
    }

    public List<GridWorker> workers() {
        return workers;
    }

    public List<ServiceHall> halls() {
        return halls;
    }

    /** Every device: grid terminals, kiosks, queue machines, rating devices and wristbands. */
    public List<Device> devices() {
        return devices;
    }

    /** The wristbands, each worn by the eldest of an elderly household. */
    public List<Device> wristbands() {
        return wristbands;
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    public List<Plaque> plaques() {
        return plaques;
    }

    public long householdCount() {
        return householdCount;
    }

    /** Every household, grid by grid (derived as the stream is read). */
    public Stream<Household> households() {
        return grids.stream().flatMap(g -> IntStream.range(0, g.households()).mapToObj(i -> household(g, i)));
    }

    /**
     * Where the households of a group live, grid by grid: each as {@code gridIndex << 32 | householdIndex}.
     * Computed by deriving every household once (a few seconds for the demo city), then kept.
     */
    public long[] positionsOf(PopulationGroup group) {
        return positions.computeIfAbsent(group, g -> households().filter(h -> h.groups().contains(g))
                .mapToLong(h -> (long) h.grid().index() << 32 | h.index()).toArray());
    }

    /** The household at this index of a grid; the same seed, grid and index always give the same one. */
    public Household household(Grid grid, int index) {
        if (index < 0 || index >= grid.households()) {
            throw new IndexOutOfBoundsException("grid " + grid.code() + " has " + grid.households()
                    + " households, there is no index " + index);
        }
        RandomGenerator rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + grid.index() * 1_000_003L + index);
        if (registry != null) {
            return fromRegistry(rnd, grid, index, registry.householdsIn(grid.code()).get(index));
        }
        boolean rural = grid.rural();
        double alone = rural ? RURAL_ELDERLY_ALONE : URBAN_ELDERLY_ALONE;
        double nest = rural ? RURAL_EMPTY_NEST : URBAN_EMPTY_NEST;
        double k = rnd.nextDouble();
        var kind = k < alone ? HouseholdKind.ELDERLY_ALONE : k < alone + nest ? HouseholdKind.EMPTY_NEST : HouseholdKind.FAMILY;
        var residents = new ArrayList<Resident>(4);
        var groups = EnumSet.noneOf(PopulationGroup.class);
        switch (kind) {
            case ELDERLY_ALONE -> {
                residents.add(resident(rnd, elderAge(rnd), rnd.nextDouble() < 0.6));
                groups.add(PopulationGroup.ELDERLY_ALONE);
            }
            case EMPTY_NEST -> {
                int age = elderAge(rnd);
                residents.add(resident(rnd, age, false));
                residents.add(resident(rnd, Math.max(60, age - 3 + rnd.nextInt(5)), true));
                groups.add(PopulationGroup.EMPTY_NEST);
            }
            case FAMILY -> {
                int size = 2 + pick(rnd, rural ? RURAL_FAMILY_SIZE_WEIGHTS : URBAN_FAMILY_SIZE_WEIGHTS);
                residents.add(resident(rnd, 22 + rnd.nextInt(38), rnd.nextBoolean()));
                boolean child = false;
                for (int m = 1; m < size; m++) {
                    int age;
                    if (rnd.nextDouble() < (rural ? RURAL_FAMILY_ELDER : URBAN_FAMILY_ELDER)) {
                        age = elderAge(rnd);
                    } else if (rnd.nextDouble() < FAMILY_CHILD) {
                        age = rnd.nextInt(18);
                        child = true;
                    } else {
                        age = 18 + rnd.nextInt(42);
                    }
                    residents.add(resident(rnd, age, rnd.nextBoolean()));
                }
                if (rural && child && rnd.nextDouble() < LEFT_BEHIND_AMONG_RURAL_FAMILIES_WITH_CHILDREN) {
                    groups.add(PopulationGroup.LEFT_BEHIND_CHILD);
                }
            }
        }
        if (rnd.nextDouble() < (rural ? RURAL_HARDSHIP : URBAN_HARDSHIP)) {
            groups.add(PopulationGroup.HARDSHIP);
        }
        if (rnd.nextDouble() < DISABLED) {
            groups.add(PopulationGroup.DISABLED);
        }
        if (rnd.nextDouble() < (rural ? RURAL_MIGRANT : URBAN_MIGRANT)) {
            groups.add(PopulationGroup.MIGRANT);
        }
        return new Household("hh-" + grid.code() + "-" + pad(index, 4), grid, index, kind, residents, groups);
    }

    /** A registered household with residents drawn to its counts: the elderly first, a child if it has a left-behind one. */
    private static Household fromRegistry(RandomGenerator rnd, Grid grid, int index, RegisteredHousehold h) {
        var groups = h.groups().isEmpty() ? EnumSet.noneOf(PopulationGroup.class) : EnumSet.copyOf(h.groups());
        var kind = groups.contains(PopulationGroup.ELDERLY_ALONE) ? HouseholdKind.ELDERLY_ALONE
                : groups.contains(PopulationGroup.EMPTY_NEST) ? HouseholdKind.EMPTY_NEST : HouseholdKind.FAMILY;
        var residents = new ArrayList<Resident>(h.residents());
        boolean elderHead = h.aged60Plus() == h.residents();
        int younger = h.residents() - h.aged60Plus();
        if (!elderHead) {
            residents.add(resident(rnd, 22 + rnd.nextInt(38), rnd.nextBoolean()));
            younger--;
        }
        for (int e = 0; e < h.aged60Plus(); e++) {
            residents.add(resident(rnd, elderAge(rnd), rnd.nextBoolean()));
        }
        boolean child = groups.contains(PopulationGroup.LEFT_BEHIND_CHILD);
        for (int m = 0; m < younger; m++) {
            boolean kid = child && m == 0 || rnd.nextDouble() < FAMILY_CHILD;
            residents.add(resident(rnd, kid ? rnd.nextInt(18) : 18 + rnd.nextInt(42), rnd.nextBoolean()));
        }
        return new Household(h.id(), grid, index, kind, residents, groups);
    }

    /** The household whose eldest wears this wristband. */
    public Household wearer(Device wristband) {
        if (wristband.type() != DeviceType.WRISTBAND) {
            throw new IllegalArgumentException(wristband.id() + " is a " + wristband.type() + ", not a wristband");
        }
        return household(grids.get(wristband.gridIndex()), wristband.householdIndex());
    }

    private List<Device> handOutWristbands(RandomGenerator rnd) {
        var taken = new HashSet<Long>();
        var bands = new ArrayList<Device>(WRISTBANDS);
        while (bands.size() < WRISTBANDS) {
            var grid = grids.get(rnd.nextInt(grids.size()));
            int index = rnd.nextInt(grid.households());
            var household = household(grid, index);
            boolean elderly = household.residents().stream().anyMatch(r -> r.ageOn(REFERENCE_DATE) >= 60);
            // those living alone come first: other elderly households get one half as often
            boolean accept = household.kind() == HouseholdKind.ELDERLY_ALONE || (elderly && rnd.nextBoolean());
            if (accept && taken.add(((long) grid.index() << 32) | index)) {
                bands.add(new Device("wb-" + pad(bands.size() + 1, 5), DeviceType.WRISTBAND, grid.code(),
                        grid.index(), null, index));
            }
        }
        return bands;
    }

    private static int elderAge(RandomGenerator rnd) {
        return 60 + Math.min(39, (int) (rnd.nextExponential() * 9));
    }

    private static Resident resident(RandomGenerator rnd, int age, boolean female) {
        var birth = REFERENCE_DATE.minusYears(age + 1).plusDays(1 + rnd.nextInt(365));
        int sequence = (rnd.nextInt(1000) & ~1) | (female ? 0 : 1);
        var first17 = REGION.value() + pad(birth.getYear(), 4) + pad(birth.getMonthValue(), 2)
                + pad(birth.getDayOfMonth(), 2) + pad(sequence, 3);
        var idNumber = first17 + ResidentIdentifiers.checkDigit(first17);
        // the 140 segment is used for IoT numbers, not personal phones: keeps generated numbers off real subscribers
        var phone = "140" + pad(rnd.nextInt(100_000_000), 8);
        return new Resident(idNumber, phone, birth, female);
    }

    static int pick(RandomGenerator rnd, double[] weights) {
        return Weights.pick(rnd, weights);
    }

    private static double meanHouseholdSize(boolean rural) {
        var weights = rural ? RURAL_FAMILY_SIZE_WEIGHTS : URBAN_FAMILY_SIZE_WEIGHTS;
        double total = 0;
        double family = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            family += weights[i] * (i + 2);
        }
        double alone = rural ? RURAL_ELDERLY_ALONE : URBAN_ELDERLY_ALONE;
        double nest = rural ? RURAL_EMPTY_NEST : URBAN_EMPTY_NEST;
        return alone + 2 * nest + (1 - alone - nest) * family / total;
    }

    static String pad(long value, int width) {
        var digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
