package ba.refnet.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A partner system's webhook endpoint on a free local port: counts the deliveries of each event id. */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                String eventId = JSON.readTree(exchange.getRequestBody()).path("id").asText();
                deliveries.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** How often each event arrived. */
    Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        deliveries.forEach((id, n) -> counts.put(id, n.get()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
