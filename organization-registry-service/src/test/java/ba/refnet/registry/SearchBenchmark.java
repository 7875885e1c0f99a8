package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.reference.CodeList;
import ba.refnet.testsupport.RealInfrastructure;
import ba.refnet.testsupport.Timings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search over a directory of 10,000 organisations and 50,000 services, through the REST API, on the real
 * PostgreSQL. Services are spread over the cantons, Republika Srpska, Brčko District and the whole country (one in
 * thirteen each), five support types, three target groups and three intake states. A benchmark, not a test: it prints figures and runs only on request
 * ({@code ./mvnw -pl organization-registry-service -am verify -Dbenchmarks.excluded=none -Dtest=SearchBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}); it asserts only that the searches find something.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@Tag("benchmark")
class SearchBenchmark {

    private static final int ORGANIZATIONS = 10_000;
    private static final int SERVICES = 50_000;
    private static final int WARM_UP = 100;
    private static final int RUNS = 500;

    @Inject
    EntityManager em;

    /** Where services are offered: each canton, Republika Srpska, Brčko District, or the whole country. */
    static final List<String> AREAS = List.of("BA-01", "BA-02", "BA-03", "BA-04", "BA-05", "BA-06", "BA-07", "BA-08",
            "BA-09", "BA-10", "BA-SRP", "BA-BRC", "BA");

    private void seed() {
        // names with diacritics, folded for the search document as the application folds them
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("CREATE TEMPORARY TABLE area_cover (n int, area text, codes text[]) ON COMMIT DROP")
                    .executeUpdate();
            for (int n = 0; n < AREAS.size(); n++) {
                em.createNativeQuery("INSERT INTO area_cover VALUES (?1, ?2, CAST(?3 AS text[]))").setParameter(1, n)
                        .setParameter(2, AREAS.get(n)).setParameter(3, CodeList.administrativeUnits()
                                .municipalitiesIn(AREAS.get(n)).toArray(new String[0]))
                        .executeUpdate();
            }
            em.createNativeQuery("""
                    INSERT INTO organization (id, name, legal_form, municipality_code, search_document, created_at,
                                              updated_at, version)
                    SELECT gen_random_uuid(),
                           (ARRAY['Udruženje','Centar','Savjetovalište','Fondacija','Dom'])[1 + i % 5] || ' '
                             || (ARRAY['Čelić','Mostar','Tuzla','Žepče','Šipovo','Bihać'])[1 + i % 6] || ' ' || i,
                           'NGO', '10705',
                           (ARRAY['udruzenje','centar','savjetovaliste','fondacija','dom'])[1 + i % 5] || ' '
                             || (ARRAY['celic','mostar','tuzla','zepce','sipovo','bihac'])[1 + i % 6] || ' ' || i,
                           now(), now(), 0
                    FROM generate_series(1, ?1) AS i""").setParameter(1, ORGANIZATIONS).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO human_service (id, organization_id, name, support_types, target_groups, minimum_age,
                        maximum_age, languages, status, intake_status, area_codes, covered_municipalities,
                        search_document, created_at, updated_at, version)
                    SELECT gen_random_uuid(), o.id,
                           (ARRAY['Savjetovanje','Psihoterapija','Pravna pomoć','Paketi hrane','Dnevni centar'])[1 + s.i % 5]
                             || ' ' || s.i,
                           ARRAY[(ARRAY['psychosocial.counselling','psychosocial.psychotherapy','legal_aid',
                                        'material.food_hygiene','day_centre'])[1 + s.i % 5]],
                           ARRAY[(ARRAY['children','youth','adults'])[1 + s.i % 3]],
                           CASE WHEN s.i % 4 = 0 THEN 15 END, CASE WHEN s.i % 4 = 0 THEN 29 END,
                           ARRAY['bs'], 'ACTIVE',
                           (ARRAY['ACCEPTING','WAITLIST','NOT_ACCEPTING'])[1 + s.i % 3],
                           ARRAY[a.area], a.codes,
                           (ARRAY['savjetovanje','psihoterapija','pravna pomoc','paketi hrane','dnevni centar'])[1 + s.i % 5]
                             || ' ' || s.i || ' ' || o.search_document,
                           now(), now(), 0
                    FROM generate_series(1, ?1) AS s(i)
                    JOIN (SELECT id, search_document, row_number() OVER (ORDER BY id) - 1 AS n FROM organization) o
                      ON o.n = s.i % ?2
                    JOIN area_cover a ON a.n = s.i % 13""")
                    .setParameter(1, SERVICES).setParameter(2, ORGANIZATIONS).executeUpdate();
            em.createNativeQuery("ANALYZE").executeUpdate();
        });
    }

    /** The plan of one search, to see where its time goes. */
    private void explain(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> plan = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).getResultList();
            plan.forEach(System.out::println);
        });
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    void searchFiguresOverTenThousandOrganisationsAndFiftyThousandServices() {
        long seedStart = System.nanoTime();
        seed();
        System.out.printf(Locale.ROOT, "seeded %d organisations and %d services in %.1f s%n", ORGANIZATIONS, SERVICES,
                (System.nanoTime() - seedStart) / 1e9);
        List<String> queries = List.of(
                "/services?q=savjetovanje celic",
                "/services?q=Челић&supportType=psychosocial",
                "/services?supportType=psychosocial&municipality=10705&intake=accepting",
                "/services?municipality=10705&age=16&targetGroup=youth",
                "/services?q=pravna pomoc&page=3",
                "/organizations?q=udruzenje zepce");
        explain("""
                SELECT s.id, count(*) OVER () FROM human_service s WHERE s.listed
                  AND s.support_types && CAST(ARRAY['psychosocial','psychosocial.counselling','psychosocial.psychotherapy'] AS text[])
                  AND s.covered_municipalities @> CAST(ARRAY['10705'] AS text[]) AND s.intake_status = 'ACCEPTING'
                ORDER BY s.name, s.id LIMIT 20""");
        for (String query : queries) {
            assertTrue(given().get(query).then().statusCode(200).extract().jsonPath().getInt("totalItems") > 0, query);
            for (int i = 0; i < WARM_UP; i++) {
                given().get(query).then().statusCode(200);
            }
            System.out.println(Timings.summary(query, Timings.measure(RUNS,
                    () -> given().get(query).then().statusCode(200))));
        }
    }
}
