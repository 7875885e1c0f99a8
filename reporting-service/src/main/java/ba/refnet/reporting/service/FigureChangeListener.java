package ba.refnet.reporting.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on the reporting database for the {@link FigureChanges} every replica commits, and hands them to this
 * replica's live feed. One connection of its own, outside the pool (it is held for good); when it breaks, the
 * listener connects again after a second (changes committed meanwhile are not replayed: a dashboard misses at
 * most the updates of that second and is current again with the next change).
 */
@ApplicationScoped
class FigureChangeListener {

    private static final Logger LOG = Logger.getLogger(FigureChangeListener.class);

    @Inject
    FigureChanges changes;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = Thread.ofPlatform().name("figure-change-listener").daemon().start(this::listen);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(Duration.ofSeconds(3));
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + FigureChanges.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(1000);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            changes.committed(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("The live feed's listener lost the database (%s); it connects again", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
