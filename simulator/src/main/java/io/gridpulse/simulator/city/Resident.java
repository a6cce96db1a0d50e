package io.gridpulse.simulator.city;

import io.gridpulse.model.event.ResidentRef;
import java.time.LocalDate;

/**
 * A generated resident: an 18-digit ID number with a valid GB 11643 check digit under the fictional
 * area code 439901, and a mobile number in the 140 segment; neither belongs to a real person.
 */
public record Resident(String idNumber, String phone, LocalDate birthDate, boolean female) {

    /** The age in whole years on a date. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    /** This resident as a terminal identifies them. */
    public ResidentRef.Identified ref() {
        return new ResidentRef.Identified(idNumber, phone);
    }

    @Override
    public String toString() {
        return "Resident[born " + birthDate.getYear() + (female ? ", female" : ", male") + "]";
    }
}
