package ba.refnet.systemtests;

import static ba.refnet.systemtests.Browser.assertAccessible;
import static ba.refnet.systemtests.Browser.screenshot;
import static ba.refnet.systemtests.Browser.signIn;
import static ba.refnet.systemtests.FirstFlowIT.as;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The web app in a real browser against the platform the system tests start: the case worker of the centre for
 * social work finds the counselling centre's service in Cyrillic and refers a family; the counselling centre sees it
 * first in its incoming list, accepts and completes it; the analyst's dashboard follows without a reload. Every page
 * passes axe-core's WCAG 2.1 A/AA rules, and a screenshot of each goes to target/screenshots.
 *
 * <p>The platform runs without demo data ({@code --no-demo}), so each test builds its organisations, services and
 * cases through the API first, as {@link FirstFlowIT} does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.class)
class WebAppIT {

    /** Counted by this class alone, so the dashboard's figures are exact. */
    static final String SUPPORT_TYPE = CountedSupportTypes.WEB_DASHBOARD;

    Browser browser;

    /** A failed test leaves a screenshot of each page it had open. */
    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshotAll("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    void launch() {
        browser = new Browser();
    }

    /** The pages of the test before are closed only now, so that a failure's screenshots can still see them. */
    @org.junit.jupiter.api.BeforeEach
    void closePages() {
        browser.closeContexts();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The referral service learns of cases and services from Kafka: wait until it knows both, sending nothing. */
    static void awaitKnownToReferrals(String token, String caseId, String serviceId) {
        String probe = """
                {"caseId": "%s", "serviceId": "%s", "priority": "routine", "reason": "probe",
                 "memberIds": ["%s"]}""".formatted(caseId, serviceId, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<String> fields = as(token).body(probe).post(Platform.REFERRALS + "/referrals")
                    .then().statusCode(400).extract().path("violations.field");
            return fields.equals(List.of("memberIds"));
        });
    }

    static Locator figure(Page dashboard, String step) {
        return dashboard.locator("#funnel-table [data-figure=\"" + step + "\"]");
    }

    @Test
    void aReferralGoesRoundTheLoopInTheBrowserAndTheDashboardFollowsLive() {
        String serviceId = FirstFlowIT.counsellingService(SUPPORT_TYPE);
        String csrToken = Tokens.user("radnik.csr");
        String caseId = FirstFlowIT.consentedCase(csrToken);
        awaitKnownToReferrals(csrToken, caseId, serviceId);

        Page dashboard = signIn(browser.page("bs-BA"), "analiticar");
        dashboard.navigate(Platform.WEB + "/#/dashboard?supportType=" + SUPPORT_TYPE);
        assertThat(dashboard.locator("#live-status")).hasText(Pattern.compile("Uživo"));
        assertThat(figure(dashboard, "requested")).hasText("0");
        dashboard.evaluate("() => { window.stillTheSamePage = true; }");

        Page csr = signIn(browser.page("bs-BA"), "radnik.csr");
        csr.locator("nav a[href='#/directory']").click();
        csr.getByLabel("Pretraga (latinica ili ćirilica)").fill("Бесплатна помоћ");
        csr.getByLabel("Vrsta podrške").selectOption(SUPPORT_TYPE);
        csr.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Traži")).click();
        Locator hit = csr.locator("#results a[href='#/services/" + serviceId + "']");
        assertThat(csr.locator("#results h2")).hasText("Pronađeno usluga: 1");
        assertAccessible(csr, "the directory");
        screenshot(csr, "directory");
        hit.click();
        assertThat(csr.locator("h1")).hasText("Besplatna pomoć (" + SUPPORT_TYPE + ")");
        assertAccessible(csr, "a service's page");
        screenshot(csr, "service");
        csr.locator("#refer").click();
        csr.locator("tr[data-case-id='" + caseId + "'] a").click();
        csr.getByLabel("Razlog upućivanja").fill("Porodici povratnika treba savjetovanje.");
        assertAccessible(csr, "the referral form");
        screenshot(csr, "send-referral");
        csr.locator("#send").click();
        assertThat(csr.locator("#referral-status")).hasText(Pattern.compile("upućena"));
        String referralId = csr.url().replaceAll(".*#/referrals/([0-9a-f-]{36}).*", "$1");
        assertAccessible(csr, "a referral's page (sender)");
        screenshot(csr, "referral-sent");

        Page receiver = signIn(browser.page("bs-BA"), "radnik.savjetovaliste");
        Locator first = receiver.locator("#worklist tbody tr").first();
        assertThat(first).hasAttribute("data-referral-id", referralId);
        assertAccessible(receiver, "the incoming worklist");
        screenshot(receiver, "incoming");
        first.locator("a").click();
        assertThat(receiver.locator("#referral-reason")).hasText("Porodici povratnika treba savjetovanje.");
        receiver.locator("#step-accept").click();
        assertThat(receiver.locator("#referral-status")).hasText(Pattern.compile("prihvaćena"));
        receiver.locator("#step-start").click();
        assertThat(receiver.locator("#referral-status")).hasText(Pattern.compile("u toku"));
        receiver.locator("#step-complete summary").click();
        receiver.getByLabel("Je li potreba zadovoljena?").selectOption("fully");
        receiver.getByLabel("Šta je pruženo").fill("Četiri savjetodavna razgovora.");
        receiver.locator("#step-complete-submit").click();
        assertThat(receiver.locator("#referral-status")).hasText(Pattern.compile("završena"));
        assertThat(receiver.locator("#history li")).hasCount(4);
        assertAccessible(receiver, "a referral's page (receiver)");
        screenshot(receiver, "referral-completed");

        assertThat(figure(dashboard, "requested")).hasText("1");
        assertThat(figure(dashboard, "accepted")).hasText("1");
        assertThat(figure(dashboard, "completed")).hasText("1");
        assertEquals(true, dashboard.evaluate("() => window.stillTheSamePage === true"), "the dashboard was not reloaded");
        assertAccessible(dashboard, "the dashboard");
        screenshot(dashboard, "dashboard");
    }

    @Test
    void aWrongStepShowsTheApisReasonInWords() {
        FirstFlowIT.Referred referred = FirstFlowIT.aReferredFamily(CountedSupportTypes.UNCOUNTED);
        Page receiver = signIn(browser.page("en-GB"), "radnik.savjetovaliste");
        receiver.navigate(Platform.WEB + "/#/referrals/" + referred.referralId());
        assertThat(receiver.locator("#referral-status")).hasText(Pattern.compile("requested"));

        receiver.locator("#step-reject summary").click();
        receiver.locator("#step-reject").getByLabel("Reason code").selectOption("no_capacity");
        receiver.locator("#step-reject-submit").click();
        Locator reasonError = receiver.locator("#step-reject [data-error-for='reason']");
        assertThat(reasonError).not().isEmpty();
        assertThat(receiver.locator("#step-result [role=alert]")).containsText("Invalid request");
        assertThat(receiver.locator("#step-reject textarea[name=reason]")).hasAttribute("aria-invalid", "true");
        screenshot(receiver, "wrong-step");

        // someone else accepts meanwhile: the page still offers Accept, and the API says why it cannot be done
        as(Tokens.user("radnik.savjetovaliste")).post(Platform.REFERRALS + "/referrals/" + referred.referralId() + "/accept")
                .then().statusCode(200);
        receiver.locator("#step-accept").click();
        Locator problem = receiver.locator("#step-result [role=alert]");
        assertThat(problem).containsText(Pattern.compile("Precondition failed|Conflict"));
        assertThat(problem.locator(".problem-detail")).not().isEmpty();
        assertAccessible(receiver, "a refused step");
    }

    @Test
    void anExpiredSessionSignsInAgainWithoutLosingWhatWasTyped() {
        String serviceId = FirstFlowIT.counsellingService(CountedSupportTypes.UNCOUNTED);
        String caseId = FirstFlowIT.consentedCase(Tokens.user("radnik.csr"));
        Page csr = signIn(browser.page("en-GB"), "radnik.csr");
        csr.navigate(Platform.WEB + "/#/cases/" + caseId + "?service=" + serviceId);
        csr.getByLabel("Reason for referral").fill("Typed before the session ended.");
        // the session ends under the user's hands: the access token has expired and the refresh is refused
        csr.evaluate("""
                () => { const s = JSON.parse(sessionStorage.getItem('refnet.session'));
                        s.expiresAt = 0; s.refresh = 'no-longer-valid';
                        sessionStorage.setItem('refnet.session', JSON.stringify(s)); }""");
        csr.locator("#send").click();
        assertThat(csr.locator(".notice")).containsText("Your session expired");
        csr.locator("#signin").click();
        // Keycloak still knows the browser: it sends it straight back, to the same form
        assertThat(csr.getByLabel("Reason for referral")).hasValue("Typed before the session ended.");
        assertTrue(csr.url().contains("#/cases/" + caseId), csr.url());
    }

    @Test
    void labelsFollowTheBrowsersLanguageAndSwitch() {
        Page page = browser.page("sr-Cyrl-BA");
        page.navigate(Platform.WEB + "/");
        assertThat(page.locator("h1")).hasText("Добро дошли у RefNet BiH");
        assertThat(page.locator("html")).hasAttribute("lang", "sr-Cyrl");
        page.getByLabel("Језик").selectOption("sr-Latn");
        assertThat(page.locator("h1")).hasText("Dobro došli u RefNet BiH");
        page.getByLabel("Jezik").selectOption("en");
        assertThat(page.locator("h1")).hasText("Welcome to RefNet BiH");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.reload();
        assertThat(page.locator("h1")).hasText("Welcome to RefNet BiH");
        assertAccessible(page, "the sign-in page");

        Page croatian = browser.page("hr-HR");
        croatian.navigate(Platform.WEB + "/");
        assertThat(croatian.locator("#signin")).hasText("Prijava");
        assertThat(croatian.locator("html")).hasAttribute("lang", "hr");
        // a withheld small cell reads "<5", never 0
        assertEquals("<5", croatian.evaluate("async () => (await import('/js/ui.js')).figure(null)"));
        assertEquals("0", croatian.evaluate("async () => (await import('/js/ui.js')).figure(0)"));
    }

    @Test
    void theKeyboardReachesTheContentAndAPhoneScreenNeedsNoSideways() {
        Page phone = browser.page(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("bs-BA")
                .setViewportSize(375, 740).setIsMobile(true).setHasTouch(true));
        signIn(phone, "radnik.csr");
        phone.navigate(Platform.WEB + "/#/directory");
        phone.reload();
        assertThat(phone.locator("h1")).hasText("Gdje mogu uputiti?");
        phone.keyboard().press("Tab");
        assertThat(phone.locator("#skip-link")).isFocused();
        phone.keyboard().press("Enter");
        assertThat(phone.locator("#main")).isFocused();
        phone.keyboard().press("Tab");
        assertThat(phone.getByLabel("Pretraga (latinica ili ćirilica)")).isFocused();
        assertEquals(true, phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "the directory fits a phone's width");
        phone.navigate(Platform.WEB + "/#/desk/outgoing");
        assertThat(phone.locator("#desk-count")).isVisible();
        assertEquals(true, phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "the worklist fits a phone's width");
        screenshot(phone, "phone-outgoing");
    }
}
