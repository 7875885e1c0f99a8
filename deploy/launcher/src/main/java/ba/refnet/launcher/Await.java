package ba.refnet.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until a TCP port accepts connections or an HTTP URL answers 200, so that the launcher needs nothing but
 * a JDK (no curl). Usage: {@code Await tcp <host> <port> <seconds>} or {@code Await http <url> <seconds>};
 * exits 0 when ready, 1 on time-out.
 */
public final class Await {

    private Await() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean tcp = args.length == 4 && args[0].equals("tcp");
        boolean http = args.length == 3 && args[0].equals("http");
        if (!tcp && !http) {
            System.err.println("usage: Await tcp <host> <port> <seconds> | Await http <url> <seconds>");
            System.exit(2);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[args.length - 1])).toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (tcp ? portOpen(args[1], Integer.parseInt(args[2])) : answersOk(client, args[1])) {
                System.exit(0);
            }
            Thread.sleep(500);
        }
        System.exit(1);
    }

    private static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answersOk(HttpClient client, String url) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
