package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The slice letters of the contribution views and functions are exactly those {@link Slice} names. */
class SliceCodesTest {

    private static final Pattern SLICES = Pattern.compile(
            "CROSS JOIN LATERAL \\((SELECT '[a-z]'.*?)\\)\\s*AS s\\(slice, key\\)", Pattern.DOTALL);
    private static final Pattern SLICE_CODE = Pattern.compile("SELECT '([a-z])'");
    private static final Pattern IN_LIST = Pattern.compile("\\b[a-z]\\.slice IN \\(([^)]*)\\)");

    private final String sql = contributions();

    @Test
    void aReferralContributesToTheSlicesOfReferrals() {
        String view = definition("VIEW referral_contribution");
        assertEquals(codes(Slice::ofReferrals), sliceCodes(view));
        assertEquals(codes(Slice::hasFamilyCells), inList(view));
    }

    @Test
    void aHouseholdContributesToTheSlicesOfHouseholds() {
        String view = definition("VIEW household_contribution");
        assertEquals(codes(Slice::ofHouseholds), sliceCodes(view));
        assertEquals(codes(Slice::hasFamilyCells), inList(view));
    }

    @Test
    void waitingTimesAreKeptPerDayInTheSlicesThatSaySo() {
        String function = definition("FUNCTION apply_contribution_changes(referral_ids uuid[], case_ids uuid[])");
        assertEquals(codes(Slice::hasDailyWaitingTimes), inList(function));
    }

    private static Set<String> codes(Predicate<Slice> kept) {
        return new TreeSet<>(Arrays.stream(Slice.values()).filter(kept).map(Slice::code).toList());
    }

    private static Set<String> sliceCodes(String definition) {
        Matcher block = SLICES.matcher(definition);
        Set<String> codes = new TreeSet<>();
        while (block.find()) {
            SLICE_CODE.matcher(block.group(1)).results().forEach(code -> codes.add(code.group(1)));
        }
        return codes;
    }

    private static Set<String> inList(String definition) {
        Matcher list = IN_LIST.matcher(definition);
        Set<String> codes = new TreeSet<>();
        while (list.find()) {
            Arrays.stream(list.group(1).split(",")).map(code -> code.strip().replace("'", "")).forEach(codes::add);
        }
        return codes;
    }

    /** From "CREATE OR REPLACE {object}" to the next CREATE OR REPLACE. */
    private String definition(String object) {
        int start = sql.indexOf("CREATE OR REPLACE " + object);
        if (start < 0) {
            throw new AssertionError("R__report_contributions.sql defines no " + object);
        }
        int end = sql.indexOf("CREATE OR REPLACE ", start + 1);
        return sql.substring(start, end < 0 ? sql.length() : end);
    }

    private static String contributions() {
        try (InputStream in = SliceCodesTest.class.getResourceAsStream("/db/migration/R__report_contributions.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
