package io.gridpulse.warehouse.groups;

/** How many distinct events of one priority population group (its wire name, e.g. {@code elderly_alone}). */
public record GroupCount(String group, long events) {
}
