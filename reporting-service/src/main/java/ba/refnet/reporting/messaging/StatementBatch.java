package ba.refnet.reporting.messaging;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The statements a projection runs for the events of one poll, sent as one JDBC batch per statement: the driver
 * sends a batch's executions together instead of waiting for each, which a thousand events one by one would do a
 * thousand times. The projections' statements do not depend on their order, so grouping them is safe.
 */
final class StatementBatch {

    private final Map<String, List<Object[]>> executions = new LinkedHashMap<>();

    /** One execution of a statement with {@code ?} placeholders; text and uuid arrays are passed as Java arrays. */
    StatementBatch add(String sql, Object... parameters) {
        executions.computeIfAbsent(sql, s -> new ArrayList<>()).add(parameters);
        return this;
    }

    /** Runs everything added, in the transaction (and on the connection) of the entity manager. */
    void execute(EntityManager em) {
        if (executions.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<String, List<Object[]>> statement : executions.entrySet()) {
                try (PreparedStatement prepared = connection.prepareStatement(statement.getKey())) {
                    for (Object[] parameters : statement.getValue()) {
                        for (int i = 0; i < parameters.length; i++) {
                            prepared.setObject(i + 1, jdbcValue(connection, parameters[i]));
                        }
                        prepared.addBatch();
                    }
                    prepared.executeBatch();
                }
            }
        });
        executions.clear();
    }

    private static Object jdbcValue(Connection connection, Object value) throws SQLException {
        if (value instanceof String[] texts) {
            return connection.createArrayOf("text", texts);
        }
        if (value instanceof UUID[] ids) {
            return connection.createArrayOf("uuid", ids);
        }
        return value;
    }
}
