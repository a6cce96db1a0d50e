package io.gridpulse.model.event;

/**
 * A closed value whose JSON name is not simply its lower-cased constant name (other enums go on
 * the wire as lower_snake strings).
 */
public interface WireNamed {

    /** The name used in JSON. */
    String wireName();
}
