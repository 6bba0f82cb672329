package kr.seoullearn.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Faults the emulator answers with (infra/moto_server.py's {@code /seoul-learn/faults}): the next
 * {@code times} requests of an operation whose body contains a text fail with an AWS error, as a
 * throttled or failing service would. The code under test meets a real error response through
 * its real SDK client (with the SDK's own retries); nothing is mocked.
 */
public final class EmulatorFaults {
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public EmulatorFaults(URI awsEndpoint) {
        this.endpoint = awsEndpoint;
    }

    /** Throttles the next {@code times} calls of {@code target} (e.g. {@code AWSCognitoIdentityProviderService.AdminGetUser}) naming {@code contains}. */
    public void throttle(String target, String contains, int times) {
        fail(target, contains, times, 400, "TooManyRequestsException");
    }

    public void fail(String target, String contains, int times, int status, String code) {
        try {
            send("POST", com.fasterxml.jackson.jr.ob.JSON.std.asString(
                    Map.of("target", target, "contains", contains, "times", times, "status", status, "code", code)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets every fault. */
    public void clear() {
        send("DELETE", "");
    }

    private void send(String method, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/seoul-learn/faults"))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).header("content-type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("the emulator does not take faults (infra/moto_server.py): " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
