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
 * The e-mail the local SES (moto's SESv2) accepted, read back from moto: what a test asserts was
 * delivered. From infra/moto_server.py's {@code GET /seoul-learn/sent-mail} (the "ses" part of
 * moto's state alone), else from {@code GET /moto-api/data.json} ({@code ses.Message}; plain
 * moto), which dumps every model and gets slow beside large tables. Moto keeps every message of
 * the server's life, so tests look for their own recipients.
 */
public final class LocalMailbox {
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public LocalMailbox(URI awsEndpoint) {
        this.endpoint = awsEndpoint;
    }

    /** One accepted message. */
    public record Mail(String id, String from, List<String> to, String subject, String body) {}

    /** Every message accepted so far. */
    @SuppressWarnings("unchecked")
    public List<Mail> all() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/seoul-learn/sent-mail")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, Object> ses;
            if (response.statusCode() == 200) {
                ses = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(response.body());
            } else {
                response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Map<String, Object> data = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(response.body());
                ses = (Map<String, Object>) data.getOrDefault("ses", Map.of());
            }
            List<Mail> mails = new ArrayList<>();
            for (Object o : (List<Object>) ses.getOrDefault("Message", List.of())) {
                Map<String, Object> m = (Map<String, Object>) o;
                Map<String, Object> destinations = (Map<String, Object>) m.getOrDefault("destinations", Map.of());
                List<String> to = new ArrayList<>();
                for (Object list : destinations.values()) {
                    ((List<Object>) list).forEach(a -> to.add(String.valueOf(a)));
                }
                mails.add(new Mail(String.valueOf(m.get("id")), String.valueOf(m.get("source")), to,
                        String.valueOf(m.get("subject")), String.valueOf(m.get("body"))));
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages to this address, in the order they were accepted. */
    public List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().contains(address)).toList();
    }
}
