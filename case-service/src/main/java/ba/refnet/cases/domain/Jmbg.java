package ba.refnet.cases.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The unique master citizen number (JMBG) of Bosnia and Herzegovina and the former Yugoslav states:
 * DDMMYYY RR BBB K, where K is a modulo-11 check digit. Only validated here; the service never stores it in clear.
 */
public final class Jmbg {

    private static final int[] WEIGHTS = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Jmbg() {
    }

    /** @return the problem with the number, or empty when it is valid */
    public static Optional<String> problem(String jmbg) {
        if (jmbg == null || !jmbg.matches("\\d{13}")) {
            return Optional.of("must be 13 digits");
        }
        if (birthDate(jmbg).isEmpty()) {
            return Optional.of("its first seven digits are not a real date of birth");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += WEIGHTS[i] * (jmbg.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != jmbg.charAt(12) - '0') {
            return Optional.of("its check digit does not match");
        }
        return Optional.empty();
    }

    /** DDMMYYY: the three year digits are 9xx for 19xx and 0xx for 20xx. */
    public static Optional<LocalDate> birthDate(String jmbg) {
        int day = Integer.parseInt(jmbg.substring(0, 2));
        int month = Integer.parseInt(jmbg.substring(2, 4));
        int yyy = Integer.parseInt(jmbg.substring(4, 7));
        int year = yyy >= 800 ? 1000 + yyy : 2000 + yyy;
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
