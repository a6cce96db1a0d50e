package io.gridpulse.cockpit.charts;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Text put into the chart options the cockpit writes as JSON: one escaping for every chart. */
public final class Json {
    private Json() {}

    /** The text as a JSON string literal, quotes included; control characters, quotes and backslashes escaped. */
    public static String string(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
