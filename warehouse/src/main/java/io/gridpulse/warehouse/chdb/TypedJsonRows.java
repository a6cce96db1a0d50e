package io.gridpulse.warehouse.chdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.warehouse.WarehouseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code JSONCompactEachRowWithNamesAndTypes} output into rows typed as {@code ClickHouse#query} documents. */
final class TypedJsonRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TypedJsonRows() {
    }

    static List<Map<String, Object>> parse(String output, String sql) {
        var rows = new ArrayList<Map<String, Object>>();
        if (output.isBlank()) {
            return rows;
        }
        try (var parser = JSON.createParser(output)) {
            var iterator = JSON.readValues(parser, JsonNode.class);
            var names = iterator.next();
            var types = iterator.next();
            var kinds = new Kind[types.size()];
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] = Kind.of(types.get(i).asText());
            }
            while (iterator.hasNext()) {
                var values = iterator.next();
                var row = new LinkedHashMap<String, Object>(names.size() * 2);
                for (int i = 0; i < names.size(); i++) {
                    row.put(names.get(i).asText(), kinds[i].read(values.get(i)));
                }
                rows.add(row);
            }
            return rows;
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof WarehouseException w) {
                throw w;
            }
            var message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
            throw WarehouseException.ofStatement("cannot read chDB's result: " + message, sql, e);
        }
    }

    enum Kind {
        INTEGER, FLOATING, BOOLEAN, TEXT;

        static Kind of(String type) {
            var base = unwrap(unwrap(type, "LowCardinality("), "Nullable(");
            if (base.matches("U?Int(8|16|32|64)")) {
                return INTEGER;
            }
            if (base.startsWith("Float") || base.startsWith("Decimal") || base.equals("BFloat16")) {
                return FLOATING;
            }
            return base.equals("Bool") ? BOOLEAN : TEXT;
        }

        Object read(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            return switch (this) {
                case INTEGER -> node.isTextual() ? parseInteger(node.asText()) : node.asLong();
                case FLOATING -> node.isTextual() ? parseDouble(node.asText()) : node.asDouble();
                case BOOLEAN -> node.asBoolean();
                case TEXT -> node.isTextual() ? node.asText() : node.toString();
            };
        }

        private static Long parseInteger(String text) {
            // 64-bit integers arrive quoted; UInt64 above Long.MAX_VALUE wraps, as documented
            return text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
        }

        private static Double parseDouble(String text) {
            return switch (text) {
                case "nan" -> Double.NaN;
                case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.valueOf(text);
            };
        }

        private static String unwrap(String type, String wrapper) {
            return type.startsWith(wrapper) && type.endsWith(")")
                    ? type.substring(wrapper.length(), type.length() - 1)
                    : type;
        }
    }
}
