package ba.refnet.cases.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age groups used in events and reports instead of birth dates: child under {@code youthFrom}, youth under
 * {@code adultFrom}, adult from then on; unknown without a birth date.
 */
public record AgeBands(int youthFrom, int adultFrom) {

    public AgeBands {
        if (youthFrom <= 0 || adultFrom <= youthFrom) {
            throw new IllegalArgumentException("age bands need 0 < youthFrom < adultFrom");
        }
    }

    /** The bands on one day: an event gives a person's band on the day it happens. */
    public record On(AgeBands bands, LocalDate day) {
        public String bandOf(LocalDate birthDate) {
            return bands.bandOf(birthDate, day);
        }
    }

    public On on(LocalDate day) {
        return new On(this, day);
    }

    public String bandOf(LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return "unknown";
        }
        int age = Period.between(birthDate, today).getYears();
        if (age < youthFrom) {
            return "child";
        }
        return age < adultFrom ? "youth" : "adult";
    }
}
