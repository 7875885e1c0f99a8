package ba.refnet.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the platform once for every system-test class of the run, and stops it when the run ends. Starting it
 * costs about a minute and a half; each class builds its own organisations, cases and referrals, so classes need no
 * platform of their own. A class that stops a component starts it again before it ends.
 *
 * <p>The stop is tied to JUnit's root store, not a JVM shutdown hook: Failsafe kills a fork whose shutdown takes
 * long, which would leave the platform's processes running.
 */
final class SharedPlatform implements BeforeAllCallback {

    static final Platform PLATFORM = new Platform();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedPlatform.class, key -> started(), Running.class);
    }

    private static Running started() {
        PLATFORM.startFresh();
        return new Running();
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            PLATFORM.stop();
        }
    }
}
