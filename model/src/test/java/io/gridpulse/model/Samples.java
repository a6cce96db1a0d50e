package io.gridpulse.model;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.Crs;
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
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.FeedbackChannel;
import io.gridpulse.model.event.FeedbackTarget;
import io.gridpulse.model.event.GeoPoint;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Placement;
import io.gridpulse.model.event.PlaqueAction;
import io.gridpulse.model.event.PlaqueEvent;
import io.gridpulse.model.event.PlaqueSubjectType;
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
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Limits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Events of every kind, fixed and generated, and the test-side ID number algorithm. */
public final class Samples {

    /** The server clock of every codec test: 10:00 in Liling on 2026-11-23. */
    public static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final AreaCode GRID = AreaCode.of("430281001001001");
    /** A valid ID number (check digit X) from the GB 11643 example. */
    public static final String ID_NUMBER = "11010519491231002X";
    public static final String PHONE = "13812345678";

    private Samples() {
    }

    public static EventCodec codec() {
        return new EventCodec(CLOCK, Limits.defaults());
    }

    /** GB 11643 check digit, written independently of the production code. */
    public static char checkDigit(String first17) {
        int[] weights = new int[17];
        for (int i = 0; i < 17; i++) {
            // weight of position i is 2^(17-i) mod 11
            weights[i] = (int) (Math.pow(2, 17 - i) % 11);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** A valid ID number: region, birth date and sequence, then the computed check digit. */
    public static String idNumber(String region, String birthDate, String sequence) {
        var first17 = region + birthDate + sequence;
        return first17 + checkDigit(first17);
    }

    public static Envelope envelope(String eventId) {
        return Envelope.of(eventId, OffsetDateTime.parse("2026-11-23T09:30:00+08:00"), "terminal-0042",
                Placement.of(GRID));
    }

    public static Envelope envelope() {
        return envelope("01JD7W3J0Z8Q5N1K4M2P6R9T3V");
    }

    public static HouseholdVisit visit() {
        return new HouseholdVisit(envelope(), "gw-0042", "hh-7f3a91", VisitType.ROUTINE, 25,
                Set.of(PopulationGroup.ELDERLY_ALONE, PopulationGroup.HARDSHIP),
                List.of(new RaisedDemand("medical_insurance", "醫保報銷材料不全\n需要代辦", DemandClass.COORDINATE, "case-1"),
                        RaisedDemand.of("elderly_care")),
                "老人獨居，身體尚可", new ResidentRef.Identified(ID_NUMBER, PHONE));
    }

    public static DemandCreated demandCreated() {
        return new DemandCreated(envelope(), "case-1", DemandChannel.HOTLINE_12345, "medical_insurance",
                DemandClass.RESOLVE_NOW, "報銷進度查詢", new ResidentRef.Identified(null, "+8613912345678"));
    }

    /** One event of every kind, in {@link EventKind} order. */
    public static List<Event> oneOfEachKind() {
        var e = envelope();
        var pointed = new Envelope("evt-00000002", NOW.minusSeconds(60), ZoneOffset.ofHours(8), "wristband-17",
                new Placement(null, new GeoPoint(113.4962, 27.6461, Crs.GCJ02)));
        return List.of(
                visit(),
                demandCreated(),
                new DemandClassified(e, "case-1", "medical_insurance", DemandClass.COORDINATE, "dispatcher-3"),
                new DemandAssigned(e, "case-1", "gw-0042", "醴陵市醫療保障局", "醫保"),
                new DemandResponded(e, "case-1", "unit-ybj", "已電話聯繫"),
                new DemandResolved(e, "case-1", "unit-ybj", null),
                new DemandClosed(e, "case-1", "gw-0042", "回訪滿意"),
                new DemandReopened(e, "case-1", "群眾不滿意", "gw-0042"),
                new DemandEscalated(e, "case-1", AreaLevel.STREET, "超期未響應", null),
                new WhistleRaised(e, "case-1", List.of("城管", "市場監管"), "佔道經營反覆", "street-01"),
                new HallTicket(e, "A017", "hall-liling-1", TicketStage.COMPLETED, "w-05", "社保參保", true, false,
                        PopulationGroup.DISABLED),
                new Feedback(e, Rating.stars(4), Map.of(Dimension.EFFICIENCY, Rating.bad(), Dimension.TRANSPARENCY,
                        Rating.stars(5)), FeedbackChannel.QR_SCAN, new FeedbackTarget(TargetType.WINDOW, "w-05"),
                        "等候時間有點長"),
                new Telemetry(pointed, "wb-00017", DeviceType.WRISTBAND, 112, 37.5, true, DeviceStatus.ONLINE, null,
                        null, null),
                new PlaqueEvent(e, "plq-000123", PlaqueSubjectType.MERCHANT, PlaqueAction.SCANNED, ScanMethod.NFC),
                new Detection(pointed, "cam-0301", SensorType.VIDEO_AI, "street_vending", 0.93));
    }

    /** Random valid events of every kind, for property-style round trips. */
    public static final class Generator {

        private static final String ID_CHARS = "ABCDEFGHJKMNPQRSTVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        private static final String TEXT_CHARS = "abc xyz 019 醫保報銷就業指導養老服務，。！\n\t\"'\\/~{}[]😀";

        private final Random random;

        public Generator(long seed) {
            this.random = new Random(seed);
        }

        public Event next() {
            var kind = pick(EventKind.values());
            var e = envelope();
            return switch (kind) {
                case VISIT -> new HouseholdVisit(e, id(), id(), pick(VisitType.values()), random.nextInt(1441),
                        someOf(PopulationGroup.class), demands(), maybe(this::text), maybe(this::resident));
                case DEMAND_CREATED -> new DemandCreated(e, id(), pick(DemandChannel.values()), code(),
                        maybe(() -> pick(DemandClass.values())), maybe(this::text), maybe(this::resident));
                case DEMAND_CLASSIFIED -> new DemandClassified(e, id(), code(), pick(DemandClass.values()), maybe(this::id));
                case DEMAND_ASSIGNED -> new DemandAssigned(e, id(), line(), line(), maybe(this::line));
                case DEMAND_RESPONDED -> new DemandResponded(e, id(), id(), maybe(this::text));
                case DEMAND_RESOLVED -> new DemandResolved(e, id(), id(), maybe(this::text));
                case DEMAND_CLOSED -> new DemandClosed(e, id(), id(), maybe(this::text));
                case DEMAND_REOPENED -> new DemandReopened(e, id(), nonBlankText(), maybe(this::id));
                case DEMAND_ESCALATED -> new DemandEscalated(e, id(), pick(AreaLevel.values()), nonBlankText(),
                        maybe(this::id));
                case DEMAND_WHISTLE -> new WhistleRaised(e, id(), lines(1 + random.nextInt(4)), maybe(this::text),
                        maybe(this::id));
                case TICKET -> new HallTicket(e, id(), id(), pick(TicketStage.values()), maybe(this::id),
                        maybe(this::line), random.nextBoolean(), random.nextBoolean(),
                        maybe(() -> pick(PopulationGroup.values())));
                case FEEDBACK -> new Feedback(e, rating(), dimensions(), pick(FeedbackChannel.values()),
                        new FeedbackTarget(pick(TargetType.values()), id()), maybe(this::text));
                case TELEMETRY -> new Telemetry(e, id(), pick(DeviceType.values()),
                        maybe(() -> 20 + random.nextInt(231)), maybe(() -> random.nextDouble() * 100),
                        random.nextBoolean(), maybe(() -> pick(DeviceStatus.values())), maybe(this::line),
                        maybe(() -> random.nextInt(100_000)), maybe(() -> random.nextInt(200)));
                case PLAQUE -> new PlaqueEvent(e, id(), pick(PlaqueSubjectType.values()), pick(PlaqueAction.values()),
                        maybe(() -> pick(ScanMethod.values())));
                case DETECTION -> new Detection(e, id(), pick(SensorType.values()), code(),
                        maybe(random::nextDouble));
            };
        }

        private Envelope envelope() {
            var age = Duration.ofSeconds(random.nextLong(Duration.ofDays(399).toSeconds()), random.nextInt(1_000_000_000));
            var offset = ZoneOffset.ofTotalSeconds((random.nextInt(26 * 4 + 1) - 12 * 4) * 15 * 60);
            AreaCode area = random.nextBoolean() ? null : areaCode();
            GeoPoint point = area != null && random.nextBoolean() ? null
                    : new GeoPoint(random.nextDouble() * 360 - 180, random.nextDouble() * 180 - 90, pick(Crs.values()));
            return new Envelope(eventId(), NOW.minus(age), offset, id(), new Placement(area, point));
        }

        private AreaCode areaCode() {
            var level = pick(AreaLevel.values());
            var digits = new StringBuilder();
            for (int i = 0; i < level.codeLength(); i++) {
                digits.append(random.nextInt(10));
            }
            return AreaCode.of(digits.toString());
        }

        private String eventId() {
            return chars(ID_CHARS, 8 + random.nextInt(57));
        }

        private String id() {
            return chars(ID_CHARS + ".:/", 1 + random.nextInt(40));
        }

        private String code() {
            return "t" + chars("abcdefghijklmnopqrstuvwxyz0123456789_", random.nextInt(30));
        }

        private String text() {
            return chars(TEXT_CHARS, random.nextInt(60));
        }

        private String nonBlankText() {
            return "x" + text();
        }

        private String line() {
            return "u" + text().replace('\n', ' ').replace('\t', ' ');
        }

        private List<String> lines(int n) {
            var lines = new ArrayList<String>();
            for (int i = 0; i < n; i++) {
                lines.add(line());
            }
            return lines;
        }

        private ResidentRef resident() {
            return switch (random.nextInt(4)) {
                case 0 -> new ResidentRef.Identified(randomIdNumber(), null);
                case 1 -> new ResidentRef.Identified(null, "1" + (3 + random.nextInt(7)) + digits(9));
                case 2 -> new ResidentRef.Identified(randomIdNumber(), "0731-" + digits(8));
                default -> new ResidentRef.Pseudonym("r_" + chars("abcdefghijklmnopqrstuvwxyz234567", 26));
            };
        }

        private String randomIdNumber() {
            return idNumber("4302" + digits(2), "19" + digits(2) + "0" + (1 + random.nextInt(9)) + "1" + random.nextInt(10),
                    digits(3));
        }

        private List<RaisedDemand> demands() {
            var demands = new ArrayList<RaisedDemand>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                demands.add(new RaisedDemand(code(), maybe(this::text), maybe(() -> pick(DemandClass.values())),
                        maybe(this::id)));
            }
            return demands;
        }

        private Rating rating() {
            return switch (random.nextInt(3)) {
                case 0 -> Rating.good();
                case 1 -> Rating.bad();
                default -> Rating.stars(1 + random.nextInt(5));
            };
        }

        private Map<Dimension, Rating> dimensions() {
            var dimensions = new EnumMap<Dimension, Rating>(Dimension.class);
            for (var d : Dimension.values()) {
                if (random.nextBoolean()) {
                    dimensions.put(d, rating());
                }
            }
            return dimensions;
        }

        private <E extends Enum<E>> Set<E> someOf(Class<E> type) {
            var set = EnumSet.noneOf(type);
            for (var c : type.getEnumConstants()) {
                if (random.nextInt(3) == 0) {
                    set.add(c);
                }
            }
            return set;
        }

        private String digits(int n) {
            return chars("0123456789", n);
        }

        private String chars(String alphabet, int n) {
            var cps = alphabet.codePoints().toArray();
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            return sb.toString();
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T maybe(java.util.function.Supplier<T> value) {
            return random.nextInt(3) == 0 ? null : value.get();
        }
    }
}
