package ba.refnet.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem document instead of Quarkus's
 * empty 413, when the request says its size up front. It runs just before Quarkus's own limit handler (order -2),
 * which still guards chunked requests.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    @Inject
    ObjectMapper objectMapper;

    void install(@Observes Router router) throws JsonProcessingException {
        long max = limit.asLongValue();
        String body = objectMapper.writeValueAsString(Problem.of("payload-too-large", "Payload too large", 413,
                "the request body may be at most " + max / 1024 + " KiB", null));
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > max) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
                return;
            }
            ctx.next();
        });
    }
}
