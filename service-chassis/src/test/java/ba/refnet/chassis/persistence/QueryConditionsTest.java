package ba.refnet.chassis.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryConditionsTest {

    @Test
    void noConditionMatchesEverything() {
        assertEquals("true", new QueryConditions().toString());
    }

    @Test
    void onlyTheFiltersGivenBecomeConditions() {
        QueryConditions where = new QueryConditions()
                .add("s.listed")
                .addIfGiven(null, "s.organization_id = :organization", "organization")
                .addIfGiven(7, "s.minimum_age <= :age", "age");
        assertEquals("s.listed AND s.minimum_age <= :age", where.toString());
        assertEquals(Map.of("age", 7), where.parameters());
    }

    @Test
    void alternativesAreOneCondition() {
        QueryConditions where = new QueryConditions().add("a = :a", "a", 1)
                .addAnyOf(List.of("(d >= :s0 AND d < :e0)", "(d >= :s1 AND d < :e1)"));
        assertEquals("a = :a AND ((d >= :s0 AND d < :e0) OR (d >= :s1 AND d < :e1))", where.toString());
        assertEquals("false", new QueryConditions().addAnyOf(List.of()).toString());
    }
}
