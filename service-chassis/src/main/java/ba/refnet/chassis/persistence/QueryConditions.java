package ba.refnet.chassis.persistence;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way to build a query from optional filters, for native SQL and JPQL alike: only the filters given become
 * conditions (so PostgreSQL plans for the indexes they need), joined with AND, and every value is a named parameter,
 * never text in the query. {@link #toString()} is the WHERE clause; {@link #bindTo(Query)} or {@link #parameters()}
 * (for Panache) supplies the values.
 */
public final class QueryConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** A condition that always applies, its parameters bound apart. */
    public QueryConditions add(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition with its one parameter. */
    public QueryConditions add(String condition, String parameter, Object value) {
        return add(condition).bind(parameter, value);
    }

    /** A condition with its one parameter, only when the filter was given (not null). */
    public QueryConditions addIfGiven(Object value, String condition, String parameter) {
        return value == null ? this : add(condition, parameter, value);
    }

    /** Any one of these alternatives, as one condition; none at all matches nothing. */
    public QueryConditions addAnyOf(List<String> alternatives) {
        return add(alternatives.isEmpty() ? "false" : "(" + String.join(" OR ", alternatives) + ")");
    }

    public QueryConditions bind(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /** Sets every bound value on the query, which must name each of them. */
    public <Q extends Query> Q bindTo(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The conditions joined with AND; {@code true} when there are none. */
    @Override
    public String toString() {
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }
}
