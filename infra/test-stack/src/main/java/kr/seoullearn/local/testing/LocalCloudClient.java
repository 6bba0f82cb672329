package kr.seoullearn.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import kr.seoullearn.local.json.JsonText;

/**
 * The running local cloud as the web app uses it, for end-to-end tests: its state file, the
 * hosted-login flow (authorization code + PKCE, sign-in and sign-up) and API calls.
 * The cloud under test is {@code -Dlocal.cloud.url} (infra/test passes it).
 */
public final class LocalCloudClient {
    /** The demo users' password (infra/local-cloud Seeder, README). */
    public static final String DEMO_PASSWORD = "seoul-demo-2026";
    /** Where the tests register the personal values they send, under a cloud's log directory (LogPrivacyScan reads them). */
    public static final String PERSONAL_VALUES_DIR = "personal-values";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final Map<String, Object> state;

    private LocalCloudClient(String base, Map<String, Object> state) {
        this.base = base;
        this.state = state;
    }

    public static LocalCloudClient fromSystemProperty() {
        String base = System.getProperty("local.cloud.url", "http://localhost:3000");
        try {
            Map<String, Object> state = JsonText.readObject(Files.readString(TestStack.repositoryRoot()
                    .resolve(".local/cloud-" + URI.create(base).getPort() + ".json")));
            if (!base.equals(state.get("url"))) {
                throw new IllegalStateException("the state file describes " + state.get("url") + ", not " + base);
            }
            return new LocalCloudClient(base, state);
        } catch (IOException e) {
            throw new UncheckedIOException("no running local cloud at " + base + " (start it with infra/up)", e);
        }
    }

    public String base() {
        return base;
    }

    /** What the cloud wrote about itself: clientId, userPoolId, issuer, s3Endpoint… */
    public Map<String, Object> state() {
        return state;
    }

    public String clientId() {
        return (String) state.get("clientId");
    }

    public record Tokens(String idToken, String accessToken, String refreshToken) {}

    /** The TOTP key of the seeded staff users (README, "Demo users"; the local cloud's seed sets it). */
    public static final String STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPSEOULLEARNDEMO23";

    /**
     * Signs in through /oauth2/authorize and /oauth2/token with PKCE; a staff user answers the
     * hosted login's authenticator step with the code of the seeded staff key.
     */
    public Tokens signIn(String email, String password) {
        String verifier = verifier();
        Map<String, String> form = oauthParameters(verifier, "en");
        form.put("username", email);
        form.put("password", password);
        HttpResponse<String> answer = send("POST", "/oauth2/authorize", encode(form), "application/x-www-form-urlencoded", null);
        if (answer.statusCode() == 200 && answer.body().contains("name=\"step\" value=\"totp\"")) {
            Map<String, String> code = oauthParameters(verifier, "en");
            code.put("step", "totp");
            code.put("handle", hidden(answer.body(), "handle"));
            code.put("code", totp(STAFF_TOTP_SECRET, java.time.Instant.now().getEpochSecond() / 30));
            answer = send("POST", "/oauth2/authorize", encode(code), "application/x-www-form-urlencoded", null);
        }
        return exchange(answer, verifier, "sign-in of " + email);
    }

    /** The value of a hidden form field on a hosted-login page. */
    public static String hidden(String html, String name) {
        String marker = "name=\"" + name + "\" value=\"";
        int at = html.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no field " + name + " on the page");
        }
        int start = at + marker.length();
        return html.substring(start, html.indexOf('"', start));
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 6 digits) of a Base32 key for a 30-second step, as an authenticator app shows it. */
    public static String totp(String base32Secret, long step) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32Secret.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write(buffer >> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
            byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(java.util.Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Tokens signIn(String email) {
        return signIn(email, DEMO_PASSWORD);
    }

    /**
     * Creates an account on /signup (e-mail and password, as Cognito's page; the post-confirmation
     * trigger runs), takes the app's tenant step (PUT /api/me/tenant) and answers the tokens of
     * a refresh, which carry the tenant (the pre-token trigger writes it).
     */
    public Tokens signUp(String email, String tenant, String lang) {
        Tokens first = signUpOnly(email, lang);
        HttpResponse<String> chosen = send("PUT", "/api/me/tenant", "{\"tenant\":\"" + tenant + "\"}", "application/json", first.idToken());
        if (chosen.statusCode() != 200) {
            throw new AssertionError("tenant step of " + email + " answered " + chosen.statusCode() + ": " + chosen.body());
        }
        return refresh(first.refreshToken());
    }

    /** Creates an account on /signup and signs it in, without the tenant step. */
    public Tokens signUpOnly(String email, String lang) {
        registerPersonal(email);
        String verifier = verifier();
        Map<String, String> form = oauthParameters(verifier, lang);
        form.put("username", email);
        form.put("password", DEMO_PASSWORD);
        HttpResponse<String> answer = send("POST", "/signup", encode(form), "application/x-www-form-urlencoded", null);
        return exchange(answer, verifier, "sign-up of " + email);
    }

    /** New tokens from a refresh token (the pre-token trigger runs again); the refresh token is kept. */
    public Tokens refresh(String refreshToken) {
        HttpResponse<String> tokens = send("POST", "/oauth2/token", encode(Map.of("grant_type", "refresh_token",
                "client_id", clientId(), "refresh_token", refreshToken)), "application/x-www-form-urlencoded", null);
        if (tokens.statusCode() != 200) {
            throw new AssertionError("refresh answered " + tokens.statusCode() + ": " + tokens.body());
        }
        Map<String, Object> body = JsonText.readObject(tokens.body());
        return new Tokens((String) body.get("id_token"), (String) body.get("access_token"), refreshToken);
    }

    /** The OAuth parameters the web app sends, for a given PKCE verifier. */
    public Map<String, String> oauthParameters(String verifier, String lang) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", clientId());
        form.put("redirect_uri", base + "/");
        form.put("scope", "openid email profile");
        form.put("state", "state-1");
        form.put("code_challenge", s256(verifier));
        form.put("code_challenge_method", "S256");
        form.put("lang", lang);
        return form;
    }

    private Tokens exchange(HttpResponse<String> answer, String verifier, String what) {
        if (answer.statusCode() != 302) {
            throw new AssertionError(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
        String location = answer.headers().firstValue("location").orElseThrow();
        String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
        HttpResponse<String> tokens = send("POST", "/oauth2/token", encode(Map.of("grant_type", "authorization_code",
                "client_id", clientId(), "code", code, "redirect_uri", base + "/", "code_verifier", verifier)),
                "application/x-www-form-urlencoded", null);
        if (tokens.statusCode() != 200) {
            throw new AssertionError("token exchange after " + what + " answered " + tokens.statusCode());
        }
        Map<String, Object> body = JsonText.readObject(tokens.body());
        return new Tokens((String) body.get("id_token"), (String) body.get("access_token"), (String) body.get("refresh_token"));
    }

    /** Any request to the cloud (redirects are not followed), in English unless a header says otherwise. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String token, String... headers) {
        if (body != null && path.startsWith("/api/registration") && contentType != null && contentType.startsWith("application/json")) {
            registerPersonalFields(body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean language = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            language |= headers[i].equalsIgnoreCase("accept-language");
        }
        if (!language) {
            request.header("Accept-Language", "en");
        }
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern PERSONAL_KEY =
            java.util.regex.Pattern.compile("(?i).*(name|birth|contact|phone|email|address).*");

    /** The personal fields (names, birth dates, contacts…) of a registration body, for the log scan. */
    private void registerPersonalFields(String body) {
        Map<String, Object> json;
        try {
            json = JsonText.readObject(body);
        } catch (RuntimeException malformed) {
            return;
        }
        if (json == null) {
            return;
        }
        java.util.List<String> values = new java.util.ArrayList<>();
        collect(json, values);
        registerPersonal(values.toArray(String[]::new));
    }

    private static void collect(Map<?, ?> json, java.util.List<String> values) {
        json.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                collect(nested, values);
            } else if (value instanceof String s && PERSONAL_KEY.matcher(String.valueOf(key)).matches()) {
                values.add(s);
            }
        });
    }

    /**
     * Registers personal values a test sent (names, e-mails, phones, birth dates, document
     * contents, one value a line) for the log privacy scan of this cloud's function logs
     * ({@code .local/logs/cloud-<port>/personal-values/e2e.txt}; LogPrivacyScan).
     */
    public synchronized void registerPersonal(String... values) {
        StringBuilder lines = new StringBuilder();
        for (String value : values) {
            for (String line : value.split("\\R")) {
                if (!line.isBlank()) {
                    lines.append(line.strip()).append('\n');
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        try {
            java.nio.file.Path dir = TestStack.repositoryRoot().resolve(".local/logs/cloud-" + URI.create(base).getPort())
                    .resolve(PERSONAL_VALUES_DIR);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("e2e.txt"), lines, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String verifier() {
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
