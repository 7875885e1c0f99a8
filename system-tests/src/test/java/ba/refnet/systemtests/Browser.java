package ba.refnet.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright: the web app as people use it, signed in through the platform's
 * Keycloak. Each user gets a context of their own (their own session storage and cookies).
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE = axeScript();

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        // two shared cores and a platform beside the browser: give pages and assertions time, never a sleep
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A fresh browser profile with the given languages (Accept-Language, navigator.languages). */
    Page page(String locale) {
        return page(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1280, 900));
    }

    Page page(com.microsoft.playwright.Browser.NewContextOptions options) {
        BrowserContext context = chromium.newContext(options);
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** Opens the app, signs in on Keycloak's page and waits for the app's menu. */
    static Page signIn(Page page, String username) {
        page.navigate(Platform.WEB + "/");
        page.locator("#signin").click();
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo");
        page.locator("#kc-login").click();
        assertThat(page.locator("#user")).hasText(username);
        return page;
    }

    /** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now: no violation allowed. */
    static void assertAccessible(Page page, String what) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { runOnly: { type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return result.violations.map(v => v.id + ': ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
        assertEquals(List.of(), violations, what + " has accessibility violations");
    }

    /** Every open page as it is now, named after the test: what a failed test saw. */
    void screenshotAll(String name) {
        int i = 0;
        for (BrowserContext context : chromium.contexts()) {
            for (Page page : context.pages()) {
                screenshot(page, name + "-" + ++i);
            }
        }
    }

    /** Each test's users leave with it. */
    void closeContexts() {
        for (BrowserContext context : List.copyOf(chromium.contexts())) {
            context.close();
        }
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static String axeScript() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
