package io.gridpulse.cockpit.wall;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.warehouse.trend.DailyTrend;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The wall's week-trend chart option: valid JSON, a label per day in the screen's language, the counts in order. */
class WeekTrendTest {

    @Test
    void theOptionHasADayLabelAndTheThreeCountsForEachDay() throws Exception {
        var days = new ArrayList<DailyTrend.Day>();
        for (int i = 0; i < 7; i++) {
            days.add(new DailyTrend.Day(LocalDate.parse("2026-11-17").plusDays(i), 1000 + i, 10 + i, i % 2));
        }
        var option = new ObjectMapper().readTree(new WeekTrend(days).option(18, Locale.SIMPLIFIED_CHINESE, key -> "«" + key + "»"));
        assertThat(option.path("xAxis").path("data").get(0).asText()).isEqualTo("周二\n17日");
        assertThat(option.path("xAxis").path("data").get(6).asText()).isEqualTo("周一\n23日");
        var series = option.path("series");
        assertThat(series.get(0).path("name").asText()).isEqualTo("«wall.trend.events»");
        assertThat(series.get(0).path("data").get(6).asLong()).isEqualTo(1006);
        assertThat(series.get(1).path("data").get(0).asLong()).isEqualTo(10);
        assertThat(series.get(2).path("data").get(1).asLong()).isEqualTo(1);

        var english = new ObjectMapper().readTree(new WeekTrend(days).option(36, Locale.ENGLISH, key -> key));
        assertThat(english.path("xAxis").path("data").get(6).asText()).isEqualTo("Mon\n23");
        assertThat(english.path("legend").path("textStyle").path("fontSize").asInt()).as("scaled for 4K").isEqualTo(30);
    }
}
