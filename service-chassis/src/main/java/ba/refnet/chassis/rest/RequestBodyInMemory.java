package ba.refnet.chassis.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a request's body into memory on the I/O thread before the resource method runs on a worker thread.
 *
 * <p>Without it, Quarkus REST hands a blocking method a stream that the worker reads while the I/O thread feeds it,
 * chunk by chunk, under a lock the two share: on a create the I/O thread spent a third of its time there (JFR,
 * {@code VertxInputStream$VertxBlockingInput.handle}), waiting for workers instead of serving other connections.
 * Bodies are small JSON documents bounded by {@code quarkus.http.limits.max-body-size}, so holding one in memory is
 * cheap; Quarkus REST then reads it from memory. No file uploads: the APIs take JSON (and the registry's import a zip
 * as bytes). HTTP/1.x only (most API clients, and wrk); an HTTP/2 request is read as before.
 */
@ApplicationScoped
public class RequestBodyInMemory {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        // after the size guards and the security filters, so that a refused request is not read at all
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(ctx -> {
            // HTTP/1.x only: Quarkus REST pauses the request it is handed, which an HTTP/2 stream refuses once its
            // body has been read (a 500); HTTP/2 requests keep the streamed body
            if (ctx.request().version() != HttpVersion.HTTP_2 && hasBody(
                    ctx.request().headers().get(HttpHeaders.CONTENT_LENGTH),
                    ctx.request().headers().get(HttpHeaders.TRANSFER_ENCODING))) {
                body.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            // a client that hangs up while sending its body (a timeout, a crash) fails the body's read: nothing failed
            // here and nobody is left to answer. Quarkus's own handler logged each as an ERROR with an error id
            if (ctx.failure() instanceof HttpClosedException) {
                return;
            }
            ctx.next();
        });
    }

    static boolean hasBody(String contentLength, String transferEncoding) {
        return transferEncoding != null || (contentLength != null && !contentLength.equals("0"));
    }
}
