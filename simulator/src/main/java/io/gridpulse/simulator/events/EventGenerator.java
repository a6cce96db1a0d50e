package io.gridpulse.simulator.events;

import io.gridpulse.simulator.Weights;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.DemandAssigned;
import io.gridpulse.model.event.DemandChannel;
import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.event.DemandClassified;
import io.gridpulse.model.event.DemandClosed;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEscalated;
import io.gridpulse.model.event.DemandReopened;
import io.gridpulse.model.event.DemandResolved;
import io.gridpulse.model.event.DemandResponded;
import io.gridpulse.model.event.Detection;
import io.gridpulse.model.event.DeviceStatus;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Dimension;
import io.gridpulse.model.event.Envelope;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.FeedbackChannel;
import io.gridpulse.model.event.FeedbackTarget;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Placement;
import io.gridpulse.model.event.PlaqueAction;
import io.gridpulse.model.event.PlaqueEvent;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.model.event.RaisedDemand;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.ScanMethod;
import io.gridpulse.model.event.SensorType;
import io.gridpulse.model.event.TargetType;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.TicketStage;
import io.gridpulse.model.event.VisitType;
import io.gridpulse.model.event.WhistleRaised;
import io.gridpulse.simulator.city.CityModel;
import io.gridpulse.simulator.city.Device;
import io.gridpulse.simulator.city.Grid;
import io.gridpulse.simulator.city.GridWorker;
import io.gridpulse.simulator.city.Household;
import io.gridpulse.simulator.city.Sensor;
import io.gridpulse.simulator.city.ServiceHall;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * An endless, deterministic stream of valid events in non-decreasing event time for a {@link CityModel}:
 * visits, demands and their lifecycles, hall tickets, feedback, telemetry, plaque scans and detections.
 * Pure: it never reads the wall clock or sleeps; the same city, seed, start and rate give the same stream.
 * Not thread-safe.
 *
 * <p>Activities arrive as a Poisson process whose rate follows each kind's weekly profile (service halls
 * peak 9-11 and 14-16 Asia/Shanghai); each one schedules its follow-up events (a case's steps days later,
 * a ticket's call and completion), which are released in time order.
 */
public final class EventGenerator implements Iterator<Event> {

    /** One event a second on average. */
    public static final double DEFAULT_EVENTS_PER_SIMULATED_HOUR = 3_600;

    /** Share of visits with nothing recorded, {@code 002}: 23%. */
    static final double EMPTY_VISIT_SHARE = 0.23;
    /** Share of visits that raise demands (the rest record notes only). */
    static final double DEMAND_VISIT_SHARE = 0.30;
    static final double SECOND_DEMAND_IN_VISIT = 0.10;
    /** Response limits the generated delays are drawn against (defaults of docs/domain.md §3; 3 working days ~ 72 h). */
    static final Duration RESOLVE_NOW_RESPONSE_LIMIT = Duration.ofHours(24);
    static final Duration COORDINATE_RESPONSE_LIMIT = Duration.ofHours(72);
    static final double CASE_FEEDBACK = 0.60;
    static final double CASE_REOPENED = 0.04;
    static final double CASE_WHISTLE_AMONG_COORDINATE = 0.05;
    static final double ESCALATION_AMONG_BREACHED = 0.40;
    static final double TICKET_ABANDONED = 0.06;
    static final double TICKET_FEEDBACK = 0.40;
    static final double PLAQUE_SCAN_FEEDBACK = 0.05;
    /** Wristband reports with an abnormal heart rate, and with SOS raised. */
    static final double ABNORMAL_HEART_RATE = 0.004;
    static final double SOS = 0.0005;
    static final double DEVICE_FAULT = 0.015;
    /** Households with a left-behind child in the demo city: 28,984 of 349,600 (for sizing the visit plan). */
    static final double LEFT_BEHIND_SHARE = 28_984.0 / 349_600;

    static final double CASE_EVENTS = 6 + CASE_FEEDBACK + 3 * CASE_REOPENED + 0.05;
    static final double VISIT_EVENTS = 1 + DEMAND_VISIT_SHARE * (1 + SECOND_DEMAND_IN_VISIT) * CASE_EVENTS;
    static final double TICKET_EVENTS = TICKET_ABANDONED * 2 + (1 - TICKET_ABANDONED) * (4 + TICKET_FEEDBACK);

    /** What arrives on its own, with the events each brings (follow-ups included) and its weekly profile; rates come from a {@link Mix}. */
    enum Activity {
        TELEMETRY(1, DailyProfile.FLAT),
        VISIT(VISIT_EVENTS, DailyProfile.FIELD_WORK),
        DEMAND(CASE_EVENTS, DailyProfile.RESIDENTS),
        TICKET(TICKET_EVENTS, DailyProfile.SERVICE_HALL),
        PLAQUE(1 + PLAQUE_SCAN_FEEDBACK, DailyProfile.DAYTIME),
        DETECTION(1, DailyProfile.DAYTIME);

        final double eventsEach;
        final DailyProfile profile;

        Activity(double eventsEach, DailyProfile profile) {
            this.eventsEach = eventsEach;
            this.profile = profile;
        }
    }

    private record Scheduled(Instant at, long sequence, Event event) {
    }

    private static final Activity[] ACTIVITIES = Activity.values();
    private static final DemandType[] DEMAND_TYPES = DemandType.values();
    private static final double[] DEMAND_WEIGHTS = weights(DEMAND_TYPES);
    private static final String[] VISIT_NOTES = {
        "老人身体状况良好，已提醒按时服药", "宣传医保参保政策", "家中用电安全隐患已提醒整改", "孩子学习情况良好",
        "了解家庭近况，生活稳定", "反映楼道灯损坏，已现场协调", "宣传防诈骗知识", "核实家庭成员信息"};
    private static final String[] SERVICE_ITEMS = {
        "medical_insurance_reimbursement", "social_insurance_enrolment", "pension_certification",
        "household_registration", "residence_permit", "subsistence_allowance", "disability_certificate",
        "business_licence", "employment_registration", "elderly_allowance"};
    private static final String[] GOOD_TEXTS = {"办事效率高", "工作人员态度很好", "问题解决得很及时"};
    private static final String[] BAD_TEXTS = {"等待时间太长", "问题拖了很久才解决", "多次反映没有回音"};

    private final CityModel city;
    private final RandomGenerator rnd;
    private final double[] perHour = new double[ACTIVITIES.length];
    private final double maxPerHour;
    private final PriorityQueue<Scheduled> pending =
            new PriorityQueue<>(Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::sequence));
    private final Map<DeviceType, List<Device>> devicesByType = new EnumMap<>(DeviceType.class);
    /** The visits owed on a schedule (weekly and monthly priority households), when the visit rate can keep it. */
    private final java.util.Optional<PlannedVisits> planned;
    private final Map<String, GridWorker> workersById = new java.util.HashMap<>();
    /** The next device of each type to report: they take turns, as real devices report on a fixed beat. */
    private final Map<DeviceType, Integer> nextReporter = new EnumMap<>(DeviceType.class);
    private final Map<SensorType, List<Sensor>> sensorsByType = new EnumMap<>(SensorType.class);
    private final Map<String, Integer> waitingByHall = new HashMap<>();
    private final Map<AreaCode, Grid> gridsByCode = new HashMap<>();
    private final long[] householdsBefore;
    private final double[] hallWeights;
    private long sequence;
    private Instant nextArrival;

    /**
     * A generator for this city from {@code start} on, with this mean rate (the weekly profiles move the
     * actual rate around it: nights are quiet, halls close at weekends).
     */
    public EventGenerator(CityModel city, long seed, Instant start, double eventsPerSimulatedHour) {
        this(city, seed, start, Mix.demo(eventsPerSimulatedHour));
    }

    /** A generator for this city from {@code start} on, with these rates per activity. */
    public EventGenerator(CityModel city, long seed, Instant start, Mix mix) {
        this.city = city;
        this.rnd = new SplittableRandom(seed);
        for (var d : city.devices()) {
            devicesByType.computeIfAbsent(d.type(), t -> new ArrayList<>()).add(d);
        }
        double max = 0;
        for (var a : ACTIVITIES) {
            perHour[a.ordinal()] = mix.of(a) / a.eventsEach;
            if (!canHappen(a)) {
                perHour[a.ordinal()] = 0;   // a region without halls (say) has no tickets
            }
            max += perHour[a.ordinal()] * a.profile.max();
        }
        if (!(max > 0)) {
            throw new IllegalArgumentException("nothing of this mix can happen in this city (no households, devices, halls,"
                    + " plaques or sensors for it)");
        }
        this.maxPerHour = max;
        for (var s : city.sensors()) {
            sensorsByType.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s);
        }
        city.grids().forEach(g -> gridsByCode.put(g.code(), g));
        this.householdsBefore = new long[city.grids().size() + 1];
        for (int i = 0; i < city.grids().size(); i++) {
            householdsBefore[i + 1] = householdsBefore[i] + city.grids().get(i).households();
        }
        this.hallWeights = city.halls().stream().mapToDouble(h -> h.windowIds().size()).toArray();
        city.workers().forEach(w -> workersById.put(w.id(), w));
        // the demo city's shares (Mix): 23,800 of 349,600 households elderly living alone, about 29,000 with a left-behind child
        double households = city.householdCount();
        this.planned = PlannedVisits.of(city, perHour[Activity.VISIT.ordinal()],
                Math.round(households * Mix.ELDERLY_ALONE_HOUSEHOLDS / Mix.HOUSEHOLDS),
                Math.round(households * LEFT_BEHIND_SHARE));
        this.nextArrival = start.truncatedTo(ChronoUnit.MILLIS);
        advanceArrival();
    }

    private boolean canHappen(Activity a) {
        return switch (a) {
            case TELEMETRY -> !city.devices().isEmpty();
            case VISIT -> !city.workers().isEmpty() && city.householdCount() > 0;
            case DEMAND -> city.householdCount() > 0;
            case TICKET -> !city.halls().isEmpty();
            case PLAQUE -> !city.plaques().isEmpty();
            case DETECTION -> !city.sensors().isEmpty();
        };
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Event next() {
        while (true) {
            var head = pending.peek();
            if (head != null && !head.at().isAfter(nextArrival)) {
                pending.poll();
                observe(head.event());
                return head.event();
            }
            arrive(nextArrival);
            advanceArrival();
        }
    }

    // --- arrivals ---------------------------------------------------------------------------------

    private void advanceArrival() {
        long millis = Math.max(1, Math.round(rnd.nextExponential() * 3_600_000 / maxPerHour));
        nextArrival = nextArrival.plusMillis(millis);
    }

    /** Thinning: a candidate arrival becomes activity a with probability rate_a(t) / max. */
    private void arrive(Instant t) {
        double x = rnd.nextDouble() * maxPerHour;
        for (var a : ACTIVITIES) {
            x -= perHour[a.ordinal()] * a.profile.at(t);
            if (x < 0) {
                switch (a) {
                    case TELEMETRY -> telemetry(t);
                    case VISIT -> visit(t);
                    case DEMAND -> residentDemand(t);
                    case TICKET -> ticket(t);
                    case PLAQUE -> plaque(t);
                    case DETECTION -> detection(t);
                }
                return;
            }
        }
    }

    private void observe(Event event) {
        if (event instanceof HallTicket t) {
            switch (t.stage()) {
                case ISSUED -> waitingByHall.merge(t.hallId(), 1, Integer::sum);
                case CALLED -> waitingByHall.merge(t.hallId(), -1, Integer::sum);
                case ABANDONED -> waitingByHall.merge(t.hallId(), -1, Integer::sum);
                default -> { }
            }
        }
    }

    // --- household visits ---------------------------------------------------------------------------

    private void visit(Instant t) {
        var owed = planned.flatMap(p -> p.next(rnd));
        if (owed.isPresent()) {
            var household = owed.get();
            var worker = workersById.getOrDefault(household.grid().workerId(), city.workers().getFirst());
            visit(t, worker, household.grid(), household);
            return;
        }
        var worker = city.workers().get(rnd.nextInt(city.workers().size()));
        var grid = worker.grids().get(rnd.nextInt(worker.grids().size()));
        if (grid.households() == 0) {
            // nobody registered there: the visit goes where people live, by that grid's worker
            grid = randomGridByHouseholds();
            var owner = grid.workerId();
            worker = city.workers().stream().filter(w -> w.id().equals(owner)).findFirst().orElse(worker);
        }
        var household = city.household(grid, rnd.nextInt(grid.households()));
        if (!household.isPriority() && rnd.nextBoolean()) {
            // priority households are visited more often (weekly for the elderly living alone)
            household = city.household(grid, rnd.nextInt(grid.households()));
        }
        visit(t, worker, grid, household);
    }

    private void visit(Instant t, GridWorker worker, Grid grid, Household household) {
        double v = rnd.nextDouble();
        var visitType = v < 0.10 ? VisitType.FIRST_ROUND : v < 0.72 ? VisitType.ROUTINE
                : v < 0.92 ? VisitType.RETURN_VISIT : VisitType.LOOK_BACK;
        double content = rnd.nextDouble();
        var envelope = envelope(t, grid.terminalId(), grid.code());
        if (content < EMPTY_VISIT_SHARE) {
            schedule(new HouseholdVisit(envelope, worker.id(), household.id(), visitType, 3 + rnd.nextInt(10),
                    household.groups(), List.of(), null, null));
            return;
        }
        var notes = VISIT_NOTES[rnd.nextInt(VISIT_NOTES.length)];
        if (content < EMPTY_VISIT_SHARE + DEMAND_VISIT_SHARE) {
            int count = rnd.nextDouble() < SECOND_DEMAND_IN_VISIT ? 2 : 1;
            var raised = new ArrayList<RaisedDemand>(count);
            var cases = new ArrayList<Case>(count);
            for (int i = 0; i < count; i++) {
                var c = newCase(t, DemandChannel.VISIT, grid, worker.id(), household.head().ref());
                cases.add(c);
                raised.add(new RaisedDemand(c.type.code(), c.type.description(), c.demandClass, c.caseId));
            }
            schedule(new HouseholdVisit(envelope, worker.id(), household.id(), visitType, 10 + rnd.nextInt(50),
                    household.groups(), raised, rnd.nextBoolean() ? notes : null, household.head().ref()));
            cases.forEach(this::runCase);
            return;
        }
        schedule(new HouseholdVisit(envelope, worker.id(), household.id(), visitType, 8 + rnd.nextInt(40),
                household.groups(), List.of(), notes, rnd.nextDouble() < 0.3 ? household.head().ref() : null));
    }

    // --- demands and their lifecycle ----------------------------------------------------------------

    private void residentDemand(Instant t) {
        var grid = randomGridByHouseholds();
        double c = rnd.nextDouble();
        var channel = c < 0.40 ? DemandChannel.HOTLINE_12345 : c < 0.65 ? DemandChannel.APP
                : c < 0.77 ? DemandChannel.KIOSK : c < 0.87 ? DemandChannel.OBSERVER : DemandChannel.OPEN311;
        var resident = channel == DemandChannel.OBSERVER ? null
                : city.household(grid, rnd.nextInt(grid.households())).head().ref();
        runCase(newCase(t, channel, grid, grid.workerId(), resident));
    }

    /** A case as filed: who, where, what; its steps are drawn by {@link #runCase}. */
    private record Case(Instant created, String caseId, DemandChannel channel, DemandType type,
            DemandClass demandClass, Grid grid, String workerId, ResidentRef resident) {
    }

    private Case newCase(Instant t, DemandChannel channel, Grid grid, String workerId, ResidentRef resident) {
        var type = DEMAND_TYPES[pick(DEMAND_WEIGHTS)];
        double k = rnd.nextDouble();
        var demandClass = k < 0.55 ? DemandClass.RESOLVE_NOW : k < 0.90 ? DemandClass.COORDINATE : DemandClass.TRACK;
        return new Case(t, "case-" + token(), channel, type, demandClass, grid, workerId, resident);
    }

    private void runCase(Case c) {
        var grid = c.grid.code();
        var source = switch (c.channel) {
            case VISIT -> c.grid.terminalId();
            case HOTLINE_12345 -> "hotline-12345";
            case APP -> "app-resident";
            case KIOSK -> "ki-" + c.grid.community();
            case OBSERVER -> "app-observer";
            default -> "open311-gateway";
        };
        var dispatcher = "dispatch-" + c.grid.street();
        var unit = "unit-" + c.type.department().code();
        var t0 = c.created;
        // a visit or a worker files with the class known; residents' channels leave it to the dispatcher
        var classAtCreation = c.channel == DemandChannel.VISIT ? c.demandClass : null;
        schedule(new DemandCreated(envelope(t0, source, grid), c.caseId, c.channel, c.type.code(), classAtCreation,
                c.type.description(), c.resident));
        var classified = t0.plus(minutes(2 + rnd.nextInt(40)));
        schedule(new DemandClassified(envelope(classified, dispatcher, grid), c.caseId, c.type.code(), c.demandClass,
                dispatcher));
        var assigned = classified.plus(minutes(5 + rnd.nextInt(90)));
        schedule(new DemandAssigned(envelope(assigned, dispatcher, grid), c.caseId, c.workerId,
                c.type.department().unitName(), c.type.department().code()));

        var limit = c.demandClass == DemandClass.RESOLVE_NOW ? RESOLVE_NOW_RESPONSE_LIMIT : COORDINATE_RESPONSE_LIMIT;
        // log-normal delays: most cases answer well in time, about one in ten breaches its limit
        var responseDelay = switch (c.demandClass) {
            case RESOLVE_NOW -> logNormalHours(5, 1.3);
            case COORDINATE -> logNormalHours(20, 1.1);
            case TRACK -> logNormalHours(48, 0.8);
        };
        var responded = later(t0.plus(responseDelay), assigned.plus(minutes(1)));
        boolean breached = responseDelay.compareTo(limit) > 0;
        if (breached && rnd.nextDouble() < ESCALATION_AMONG_BREACHED) {
            var due = t0.plus(limit);
            var at = due.plus(Duration.between(due, responded).dividedBy(2));
            schedule(new DemandEscalated(envelope(at, c.grid.terminalId(), grid), c.caseId,
                    rnd.nextBoolean() ? AreaLevel.COMMUNITY : AreaLevel.STREET, "超过响应时限未答复", c.workerId));
        }
        schedule(new DemandResponded(envelope(responded, source(c), grid), c.caseId, responder(c), null));
        var resolved = responded.plus(switch (c.demandClass) {
            case RESOLVE_NOW -> logNormalHours(12, 0.9);
            case COORDINATE -> logNormalHours(48, 0.9);
            case TRACK -> logNormalHours(14 * 24, 0.6);
        });
        if (c.demandClass == DemandClass.COORDINATE && rnd.nextDouble() < CASE_WHISTLE_AMONG_COORDINATE) {
            var at = responded.plus(Duration.between(responded, resolved).dividedBy(3));
            var other = DemandType.Department.values()[rnd.nextInt(DemandType.Department.values().length)];
            var departments = other == c.type.department() ? List.of(other.code())
                    : List.of(c.type.department().code(), other.code());
            schedule(new WhistleRaised(envelope(at, "street-" + c.grid.street(), grid), c.caseId, departments,
                    "涉及多个部门，街道吹哨", "street-" + c.grid.street()));
        }
        schedule(new DemandResolved(envelope(resolved, source(c), grid), c.caseId, responder(c), null));
        var closed = resolved.plus(minutes(60 + rnd.nextInt(47 * 60)));
        schedule(new DemandClosed(envelope(closed, c.grid.terminalId(), grid), c.caseId, c.workerId, null));
        if (rnd.nextDouble() < CASE_REOPENED) {
            var reopened = closed.plus(minutes(24 * 60 + rnd.nextInt(9 * 24 * 60)));
            schedule(new DemandReopened(envelope(reopened, source, grid), c.caseId, "群众反映问题未彻底解决", null));
            resolved = reopened.plus(logNormalHours(24, 0.8));
            schedule(new DemandResolved(envelope(resolved, source(c), grid), c.caseId, responder(c), null));
            closed = resolved.plus(minutes(60 + rnd.nextInt(23 * 60)));
            schedule(new DemandClosed(envelope(closed, c.grid.terminalId(), grid), c.caseId, c.workerId, null));
            breached = true; // residents remember having to come back
        }
        if (rnd.nextDouble() < CASE_FEEDBACK) {
            double slowness = (double) responseDelay.toMinutes() / limit.toMinutes();
            int stars = stars(breached ? Math.max(slowness, 1.01) : slowness);
            double ch = rnd.nextDouble();
            var channel = ch < 0.5 ? FeedbackChannel.PHONE_FOLLOW_UP : ch < 0.8 ? FeedbackChannel.APP
                    : FeedbackChannel.QR_SCAN;
            var at = closed.plus(minutes(10 + rnd.nextInt(24 * 60)));
            var feedbackSource = channel == FeedbackChannel.PHONE_FOLLOW_UP ? "callcenter-" + c.grid.street()
                    : "app-resident";
            // phone follow-ups ask satisfied or not (好差評); the others give stars
            var rating = channel == FeedbackChannel.PHONE_FOLLOW_UP ? (stars >= 3 ? Rating.good() : Rating.bad())
                    : Rating.stars(stars);
            schedule(new Feedback(envelope(at, feedbackSource, grid), rating, dimensions(stars, slowness), channel,
                    new FeedbackTarget(TargetType.CASE, c.caseId), text(stars)));
        }
    }

    private static String source(Case c) {
        return "unit-" + c.type.department().code();
    }

    private static String responder(Case c) {
        return c.type.department() == DemandType.Department.COMMUNITY ? c.workerId : source(c);
    }

    // --- service halls ------------------------------------------------------------------------------

    private void ticket(Instant t) {
        var hall = city.halls().get(pick(hallWeights));
        var grid = hall.gridCode();
        var ticketId = "tk-" + token();
        var item = SERVICE_ITEMS[rnd.nextInt(SERVICE_ITEMS.length)];
        double g = rnd.nextDouble();
        var group = g < 0.04 ? PopulationGroup.ELDERLY_ALONE : g < 0.10 ? PopulationGroup.EMPTY_NEST
                : g < 0.13 ? PopulationGroup.DISABLED : g < 0.18 ? PopulationGroup.MIGRANT : null;
        boolean assisted = group != null ? rnd.nextDouble() < 0.6 : rnd.nextDouble() < 0.05;
        boolean oneVisit = rnd.nextDouble() < 0.88;
        schedule(ticket(t, hall.queueMachineId(), grid, ticketId, hall, TicketStage.ISSUED, null, item, oneVisit,
                assisted, group));
        // queues are longest at the peaks
        var wait = minutes(rnd.nextExponential() * (4 + 6 * DailyProfile.SERVICE_HALL.at(t)));
        if (rnd.nextDouble() < TICKET_ABANDONED) {
            schedule(ticket(t.plus(wait), hall.queueMachineId(), grid, ticketId, hall, TicketStage.ABANDONED, null,
                    item, false, assisted, group));
            return;
        }
        int w = rnd.nextInt(hall.windowIds().size());
        var window = hall.windowIds().get(w);
        var called = t.plus(wait);
        var served = called.plus(minutes(0.5 + rnd.nextDouble() * 1.5));
        var handling = Duration.ofSeconds((long) (60 * 16 * Math.exp(0.55 * rnd.nextGaussian())));
        var completed = served.plus(handling);
        schedule(ticket(called, window, grid, ticketId, hall, TicketStage.CALLED, window, item, oneVisit, assisted, group));
        schedule(ticket(served, window, grid, ticketId, hall, TicketStage.SERVED, window, item, oneVisit, assisted, group));
        schedule(ticket(completed, window, grid, ticketId, hall, TicketStage.COMPLETED, window, item, oneVisit, assisted,
                group));
        if (rnd.nextDouble() < TICKET_FEEDBACK) {
            double minutesSpent = Duration.between(t, completed).toSeconds() / 60.0;
            // 20 minutes is the hall's target; past 40 residents grow unhappy
            int stars = stars(minutesSpent / 40.0 + (oneVisit ? 0 : 0.5));
            var at = completed.plus(minutes(rnd.nextDouble() * 3));
            schedule(new Feedback(envelope(at, hall.ratingDeviceIds().get(w), grid), Rating.stars(stars),
                    dimensions(stars, minutesSpent / 40.0), FeedbackChannel.RATING_DEVICE,
                    new FeedbackTarget(TargetType.TICKET, ticketId), null));
        }
    }

    private HallTicket ticket(Instant at, String source, AreaCode grid, String ticketId, ServiceHall hall,
            TicketStage stage, String window, String item, boolean oneVisit, boolean assisted, PopulationGroup group) {
        return new HallTicket(envelope(at, source, grid), ticketId, hall.id(), stage, window, item, oneVisit, assisted,
                group);
    }

    // --- telemetry ----------------------------------------------------------------------------------

    private void telemetry(Instant t) {
        double d = rnd.nextDouble();
        var type = d < 0.80 ? DeviceType.WRISTBAND : d < 0.90 ? DeviceType.GRID_TERMINAL
                : d < 0.94 ? DeviceType.KIOSK : d < 0.97 ? DeviceType.QUEUE_MACHINE : DeviceType.RATING_DEVICE;
        var devices = devicesByType.get(type);
        if (devices == null) {
            // a registry without this type of device: another device reports instead
            devices = devicesByType.values().iterator().next();
            type = devices.getFirst().type();
        }
        // round robin from a random start: each device reports once per round, every size/rate on average with
        // little spread, as a heartbeat does; picking one at random gave exponential gaps, so a tenth of the
        // wristbands looked offline to a 10-minute rule at any time
        var size = devices.size();
        int index = nextReporter.computeIfAbsent(type, k -> rnd.nextInt(size)) % size;
        nextReporter.put(type, (index + 1) % size);
        var device = devices.get(index);
        var envelope = envelope(t, device.id(), device.gridCode());
        boolean fault = type != DeviceType.WRISTBAND && rnd.nextDouble() < DEVICE_FAULT;
        var status = fault ? DeviceStatus.FAULT : DeviceStatus.ONLINE;
        schedule(switch (type) {
            case WRISTBAND -> new Telemetry(envelope, device.id(), type, heartRate(), battery(t, index, 0.8),
                    rnd.nextDouble() < SOS, status, null, null, null);
            case GRID_TERMINAL -> new Telemetry(envelope, device.id(), type, null, battery(t, index, 6), false, status,
                    fault ? (rnd.nextBoolean() ? "gps_unavailable" : "sync_failed") : null, null, null);
            case KIOSK -> new Telemetry(envelope, device.id(), type, null, null, false, status,
                    fault ? (rnd.nextBoolean() ? "printer_jam" : "card_reader_error") : null,
                    (int) Math.round(rnd.nextDouble() * 8 * DailyProfile.RESIDENTS.at(t)), null);
            case QUEUE_MACHINE -> new Telemetry(envelope, device.id(), type, null, null, false, status,
                    fault ? "ticket_printer_jam" : null, null,
                    Math.max(0, waitingByHall.getOrDefault(device.hallId(), 0)));
            default -> new Telemetry(envelope, device.id(), type, null, null, false, status,
                    fault ? "screen_unresponsive" : null, null, null);
        });
    }

    private Integer heartRate() {
        if (rnd.nextDouble() < ABNORMAL_HEART_RATE) {
            return rnd.nextBoolean() ? 35 + rnd.nextInt(15) : 121 + rnd.nextInt(45);
        }
        return (int) Math.max(60, Math.min(100, Math.round(74 + 8 * rnd.nextGaussian())));
    }

    /** A saw-tooth: drains {@code perHour} percent an hour from 100 down to 5, then the device is charged. */
    private static Double battery(Instant t, int deviceIndex, double perHour) {
        double hours = t.getEpochSecond() / 3600.0 + deviceIndex * 7.3;
        double drained = (hours * perHour) % 95;
        return Math.round((100 - drained) * 10) / 10.0;
    }

    // --- plaques and detections ---------------------------------------------------------------------

    private void plaque(Instant t) {
        var plaque = city.plaques().get(rnd.nextInt(city.plaques().size()));
        var grid = gridsByCode.get(plaque.gridCode());
        double a = rnd.nextDouble();
        var action = a < 0.955 ? PlaqueAction.SCANNED : a < 0.975 ? PlaqueAction.DAMAGED
                : a < 0.99 ? PlaqueAction.OUTDATED : PlaqueAction.SUBJECT_CHANGED;
        if (action == PlaqueAction.SCANNED) {
            var method = rnd.nextDouble() < 0.8 ? ScanMethod.QR : ScanMethod.NFC;
            schedule(new PlaqueEvent(envelope(t, "app-resident", plaque.gridCode()), plaque.id(), plaque.subject(),
                    action, method));
            if (rnd.nextDouble() < PLAQUE_SCAN_FEEDBACK) {
                int stars = stars(0.3);
                schedule(new Feedback(envelope(t.plus(minutes(1 + rnd.nextInt(5))), "app-resident", plaque.gridCode()),
                        Rating.stars(stars), Map.of(), FeedbackChannel.QR_SCAN,
                        new FeedbackTarget(TargetType.PLAQUE, plaque.id()), text(stars)));
            }
        } else {
            schedule(new PlaqueEvent(envelope(t, grid.terminalId(), plaque.gridCode()), plaque.id(), plaque.subject(),
                    action, null));
            // the grid worker fixes it: most within the 24-hour limit, some late (their clocks breach)
            var fixedAfter = java.time.Duration.ofMinutes(rnd.nextDouble() < 0.85 ? 90 + rnd.nextInt(20 * 60)
                    : 24 * 60 + rnd.nextInt(24 * 60));
            schedule(new PlaqueEvent(envelope(t.plus(fixedAfter), grid.terminalId(), plaque.gridCode()), plaque.id(),
                    plaque.subject(), action == PlaqueAction.DAMAGED ? PlaqueAction.REPLACED : PlaqueAction.UPDATED, null));
        }
    }

    private void detection(Instant t) {
        double s = rnd.nextDouble();
        var type = s < 0.75 ? SensorType.VIDEO_AI : s < 0.85 ? SensorType.ACCESS
                : s < 0.95 ? SensorType.ENVIRONMENT : SensorType.SMOKE;
        var sensors = sensorsByType.get(type);
        if (sensors == null) {
            // a region without this kind of sensor (no urban streets, say): another one detects instead
            sensors = sensorsByType.values().iterator().next();
            type = sensors.getFirst().type();
        }
        Sensor sensor = sensors.get(rnd.nextInt(sensors.size()));
        double k = rnd.nextDouble();
        var detectionType = switch (type) {
            case VIDEO_AI -> k < 0.45 ? "street_vending" : k < 0.90 ? "illegal_parking" : "object_thrown_from_height";
            case ACCESS -> k < 0.7 ? "tailgating" : "forced_entry";
            case ENVIRONMENT -> k < 0.6 ? "noise_exceeded" : "pm25_exceeded";
            case SMOKE -> "smoke_alarm";
        };
        Double confidence = type == SensorType.VIDEO_AI ? Math.round((0.6 + 0.39 * rnd.nextDouble()) * 100) / 100.0 : null;
        schedule(new Detection(envelope(t, sensor.id(), sensor.gridCode()), sensor.id(), type, detectionType, confidence));
    }

    // --- feedback -----------------------------------------------------------------------------------

    /** Stars given for a handling this slow (0 instant, 1 at the limit, beyond 1 late). */
    private int stars(double slowness) {
        double[] weights = slowness <= 0.5 ? new double[] {0.01, 0.02, 0.07, 0.28, 0.62}
                : slowness <= 1 ? new double[] {0.04, 0.06, 0.15, 0.35, 0.40}
                : new double[] {0.18, 0.22, 0.30, 0.20, 0.10};
        return 1 + pick(weights);
    }

    private Map<Dimension, Rating> dimensions(int stars, double slowness) {
        if (rnd.nextDouble() >= 0.4) {
            return Map.of();
        }
        var dimensions = new EnumMap<Dimension, Rating>(Dimension.class);
        dimensions.put(Dimension.TRANSPARENCY, Rating.stars(clampStars(stars + rnd.nextInt(3) - 1)));
        dimensions.put(Dimension.CONVENIENCE, Rating.stars(clampStars(stars + rnd.nextInt(3) - 1)));
        dimensions.put(Dimension.EFFICIENCY, Rating.stars(clampStars(slowness > 1 ? stars - 1 : stars)));
        return dimensions;
    }

    private String text(int stars) {
        if (rnd.nextDouble() >= 0.15) {
            return null;
        }
        return stars >= 4 ? GOOD_TEXTS[rnd.nextInt(GOOD_TEXTS.length)] : BAD_TEXTS[rnd.nextInt(BAD_TEXTS.length)];
    }

    private static int clampStars(int stars) {
        return Math.max(1, Math.min(5, stars));
    }

    // --- plumbing -----------------------------------------------------------------------------------

    private void schedule(Event event) {
        pending.add(new Scheduled(event.occurredAt(), sequence++, event));
    }

    private Envelope envelope(Instant at, String source, AreaCode grid) {
        return Envelope.of(eventId(), at.truncatedTo(ChronoUnit.MILLIS).atOffset(DailyProfile.LOCAL), source,
                Placement.of(grid));
    }

    /** A version-4 UUID drawn from the seeded generator. */
    private String eventId() {
        long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private String token() {
        return Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36);
    }

    private Grid randomGridByHouseholds() {
        long h = rnd.nextLong(householdsBefore[householdsBefore.length - 1]);
        int i = java.util.Arrays.binarySearch(householdsBefore, h);
        i = i >= 0 ? i : -i - 2;
        while (householdsBefore[i + 1] <= h) {
            i++;   // skip grids without households (equal running totals)
        }
        return city.grids().get(i);
    }

    private int pick(double[] weights) {
        return Weights.pick(rnd, weights);
    }

    private Duration logNormalHours(double medianHours, double sigma) {
        return Duration.ofSeconds((long) (medianHours * 3600 * Math.exp(sigma * rnd.nextGaussian())));
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis((long) (minutes * 60_000));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double[] weights(DemandType[] types) {
        var weights = new double[types.length];
        for (int i = 0; i < types.length; i++) {
            weights[i] = types[i].percent();
        }
        return weights;
    }
}
