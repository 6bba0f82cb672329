package kr.seoullearn.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text messages the local SNS (moto) accepted from {@code Publish} to a phone number, read
 * back from moto: infra/moto_server.py's {@code GET /seoul-learn/sent-sms}, else moto's own
 * {@code GET /moto-api/data.json} ({@code sns.SMS}). Moto keeps every message of the server's
 * life, so tests look for their own numbers.
 */
public final class LocalTextMessages {
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public LocalTextMessages(URI awsEndpoint) {
        this.endpoint = awsEndpoint;
    }

    public record Sms(String id, String phoneNumber, String message) {}

    @SuppressWarnings("unchecked")
    public List<Sms> all() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/seoul-learn/sent-sms")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<Sms> out = new ArrayList<>();
            if (response.statusCode() == 200) {
                Map<String, Object> body = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(response.body());
                for (Object o : (List<Object>) body.getOrDefault("SMS", List.of())) {
                    Map<String, Object> m = (Map<String, Object>) o;
                    out.add(new Sms(String.valueOf(m.get("id")), String.valueOf(m.get("phoneNumber")), String.valueOf(m.get("message"))));
                }
                return out;
            }
            response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, Object> data = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(response.body());
            Map<String, Object> sns = (Map<String, Object>) data.getOrDefault("sns", Map.of());
            for (Object o : (List<Object>) sns.getOrDefault("SMS", List.of())) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new Sms(String.valueOf(m.get("message_id")), String.valueOf(m.get("phone_number")), String.valueOf(m.get("message"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Sms> to(String phoneNumber) {
        return all().stream().filter(m -> m.phoneNumber().equals(phoneNumber)).toList();
    }
}
