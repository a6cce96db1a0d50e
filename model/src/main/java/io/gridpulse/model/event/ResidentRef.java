package io.gridpulse.model.event;

/**
 * The resident an event is about: identified by ID number and/or phone as sent by a terminal, or by
 * a pseudonym once {@code io.gridpulse.model.privacy.Pseudonymiser} has replaced the identifiers.
 */
public sealed interface ResidentRef permits ResidentRef.Identified, ResidentRef.Pseudonym {

    /** A resident as identified by the client: an 18-character ID number, a phone, or both (at least one). */
    record Identified(String idNumber, String phone) implements ResidentRef {

        public Identified {
            if ((idNumber == null || idNumber.isBlank()) && (phone == null || phone.isBlank())) {
                throw new IllegalArgumentException("an identified resident needs an ID number or a phone");
            }
        }

        @Override
        public String toString() {
            // never print raw identifiers into logs
            return "Identified[idNumber=" + (idNumber == null ? "null" : "***")
                    + ", phone=" + (phone == null ? "null" : "***") + "]";
        }
    }

    /** A resident known only by a stable pseudonym such as {@code r_...}. */
    record Pseudonym(String value) implements ResidentRef {

        public Pseudonym {
            Checks.required(value, "value");
        }
    }
}
