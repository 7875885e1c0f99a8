package ba.refnet.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request line over {@code quarkus.http.limits.max-initial-line-length} with a 414 problem document, and
 * a header block over {@code quarkus.http.limits.max-header-size} with a 431 one. Vert.x rejects such a request
 * before any route, with an empty answer, and Quarkus gives no hook into that; so the parser's own limits are raised
 * to {@link #PARSER_LIMIT} and this route, first of all, applies the configured ones. Beyond the parser's limit
 * Vert.x still answers its bare 414 or 431 and closes the connection.
 */
@ApplicationScoped
public class OversizedRequestHeadGuard implements HttpServerOptionsCustomizer {

    /** What the HTTP parser still reads, so that the route can answer; also bounds the memory one request takes. */
    static final int PARSER_LIMIT = 64 * 1024;

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length")
    int lineLimit;

    @ConfigProperty(name = "quarkus.http.limits.max-header-size")
    MemorySize headerLimit;

    @Inject
    ObjectMapper objectMapper;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(lineLimit, PARSER_LIMIT));
        options.setMaxHeaderSize(Math.max((int) headerLimit.asLongValue(), PARSER_LIMIT));
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }

    void install(@Observes Router router) throws JsonProcessingException {
        long maxHeaders = headerLimit.asLongValue();
        String lineTooLong = objectMapper.writeValueAsString(Problem.of("uri-too-long", "URI too long", 414,
                "the request line may be at most " + lineLimit + " characters; send long filters in a body", null));
        String headersTooLarge = objectMapper.writeValueAsString(Problem.of("headers-too-large",
                "Request header fields too large", 431,
                "the request headers may be at most " + maxHeaders / 1024 + " KiB together", null));
        router.route().order(-4).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (requestLineLength(request) > lineLimit) {
                refuse(ctx, 414, lineTooLong);
            } else if (headerBlockSize(request) > maxHeaders) {
                refuse(ctx, 431, headersTooLarge);
            } else {
                ctx.next();
            }
        });
    }

    /** "GET /path?query HTTP/1.1", as the parser measures it. */
    private static int requestLineLength(HttpServerRequest request) {
        return request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
    }

    private static long headerBlockSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        return size;
    }

    private static void refuse(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
