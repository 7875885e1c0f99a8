package ba.refnet.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Empties a service's database for a rebuild: drops and recreates its {@code public} schema as the database's
 * owner, so that the service migrates it again on start. Only for projections that events can rebuild.
 */
public final class EmptySchema {

    private EmptySchema() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmptySchema <jdbc-url> <user> <password>");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        System.out.println("Emptied " + args[0]);
    }
}
