package io.gridpulse.model.sla;

import io.gridpulse.model.event.DemandClass;
import java.util.Objects;

/** What an SLA policy applies to: demands of one handling class, or cases of one type. */
public sealed interface SlaSubject {

    /** Demands classified into this handling class. */
    record OfDemandClass(DemandClass demandClass) implements SlaSubject {

        public OfDemandClass {
            Objects.requireNonNull(demandClass, "demandClass");
        }
    }

    /** Cases, visits or tickets of this type, named by a lower_snake code such as {@code device_repair}. */
    record OfCaseType(String code) implements SlaSubject {

        public OfCaseType {
            Objects.requireNonNull(code, "code");
            if (!code.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("a case type code is lower_snake ASCII, got \"" + code + "\"");
            }
        }
    }
}
