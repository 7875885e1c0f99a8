package ba.refnet.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The services' own databases on the platform's PostgreSQL, read (and, to move a clock, written) as their owners. */
final class Databases {

    private Databases() {
    }

    /** Each service's database and login are named alike (deploy/launcher's PostgresServer). */
    static Connection of(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + Platform.PG_PORT + "/" + database,
                database, database);
    }

    /** The rows of a query, each as its columns' values. */
    static List<Object[]> rows(String database, String sql, Object... parameters) throws SQLException {
        try (Connection c = of(database); PreparedStatement statement = prepared(c, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static int update(String database, String sql, Object... parameters) throws SQLException {
        try (Connection c = of(database); PreparedStatement statement = prepared(c, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof java.util.Collection<?> values) {
                statement.setArray(i + 1, c.createArrayOf("uuid", values.toArray()));
            } else {
                statement.setObject(i + 1, p);
            }
        }
        return statement;
    }
}
