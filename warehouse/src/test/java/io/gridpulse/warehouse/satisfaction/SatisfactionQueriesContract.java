package io.gridpulse.warehouse.satisfaction;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Every behaviour of {@link SatisfactionQueries}, run against each kind of connection; expected values computed by hand. */
public abstract class SatisfactionQueriesContract {
    static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z"); // November in Shanghai
    static final Instant TO = Instant.parse("2026-11-30T16:00:00Z");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final Offset<Double> EXACT = Offset.offset(1e-9);

    protected abstract Warehouse warehouse();

    private SatisfactionQueries ratings;

    @BeforeEach
    void emptyTable() {
        warehouse().clickHouse().execute("TRUNCATE TABLE gridpulse.ratings");
        ratings = new SatisfactionQueries(warehouse());
    }

    static RatingRow rating(String id, Instant at, String grid, double score, Double transparency) {
        return new RatingRow(id, at, grid.substring(0, 6), grid.substring(0, 9), grid.substring(0, 12), grid, "qr_scan",
                "case", score, transparency, null, null);
    }

    /** C1 = 439901001001: overall 1, 1, 0.5 and transparency 1; C2 = 439901001002: overall 0, transparency 0.5; another street: 0. */
    void november() {
        var mid = Instant.parse("2026-11-15T02:00:00Z");
        var batch = List.of(
                rating("r1", mid, "439901001001001", 1.0, 1.0),
                rating("r2", mid, "439901001001002", 1.0, null),
                rating("r3", mid, "439901001001001", 0.5, null),
                rating("r4", mid, "439901001002001", 0.0, 0.5),
                rating("r5", mid, "439901002001001", 0.0, null),
                rating("r6", FROM.minusMillis(1), "439901001001001", 0.0, 0.0),  // October
                rating("r7", TO, "439901001002001", 1.0, 1.0));                  // December
        ratings.insert(batch);
        ratings.insert(batch.subList(0, 2)); // a replay
    }

    @Test
    void childIndicesAreShrunkTowardTheParentMeanWithNBesideThem() {
        november();
        // street overall: n 4, mean 0.625; transparency: n 2, mean 0.75
        assertThat(ratings.byChildArea(STREET, FROM, TO, 20))
                .extracting(SatisfactionIndex::areaCode, SatisfactionIndex::dimension, SatisfactionIndex::n)
                .containsExactly(
                        tuple("439901001001", "overall", 3L), tuple("439901001001", "transparency", 1L),
                        tuple("439901001002", "overall", 1L), tuple("439901001002", "transparency", 1L));
        var indices = ratings.byChildArea(STREET, FROM, TO, 20);
        assertThat(indices.get(0).index()).isCloseTo(1500.0 / 23, EXACT);     // 100 * (3 * 5/6 + 20 * 0.625) / 23
        assertThat(indices.get(0).mean()).isCloseTo(2.5 / 3, EXACT);
        assertThat(indices.get(0).parentMean()).isCloseTo(0.625, EXACT);
        assertThat(indices.get(1).index()).isCloseTo(1600.0 / 21, EXACT);     // 100 * (1 * 1 + 20 * 0.75) / 21
        assertThat(indices.get(2).index()).isCloseTo(1250.0 / 21, EXACT);     // 100 * (0 + 20 * 0.625) / 21
        assertThat(indices.get(3).index()).isCloseTo(1550.0 / 21, EXACT);     // 100 * (0.5 + 20 * 0.75) / 21
    }

    @Test
    void anAreaIsShrunkTowardItsParentWithTheGivenPriorWeight() {
        november();
        // county: n 5, mean 0.5
        assertThat(ratings.forArea(STREET, FROM, TO, 20)).first().satisfies(s -> {
            assertThat(s.dimension()).isEqualTo("overall");
            assertThat(s.n()).isEqualTo(4);
            assertThat(s.index()).isCloseTo(1250.0 / 24, EXACT);              // 100 * (4 * 0.625 + 20 * 0.5) / 24
        });
        assertThat(ratings.forArea(AreaCode.of("439901001001"), FROM, TO, 1)).first()
                .satisfies(s -> assertThat(s.index()).isCloseTo(78.125, EXACT));     // 100 * (3 * 5/6 + 1 * 0.625) / 4
    }

    @Test
    void aPeriodWithoutRatingsHasNoIndicesAndBadInputIsRefused() {
        november();
        var december = Instant.parse("2026-12-31T16:00:00Z");
        assertThat(ratings.byChildArea(STREET, TO.plusMillis(1), december, 20)).isEmpty();
        assertThat(ratings.forArea(STREET, TO.plusMillis(1), december, 20)).isEmpty();
        assertThatThrownBy(() -> ratings.byChildArea(STREET, TO, FROM, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SatisfactionIndex.shrunk(0, 0, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rating("x", FROM, "439901001001001", 1.5, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
