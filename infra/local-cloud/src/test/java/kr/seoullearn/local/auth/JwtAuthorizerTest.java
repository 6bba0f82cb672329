package kr.seoullearn.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorizer against a JWKS served over HTTP, with tokens API Gateway accepts and refuses. */
class JwtAuthorizerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String ISSUER = "https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_test";
    private static final String CLIENT = "web-client-id";
    private static RSAKey key;
    private static RSAKey otherKeySameKid;
    private static HttpServer jwks;
    private static JwtAuthorizer authorizer;

    @BeforeAll
    static void serveJwks() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKeySameKid = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        authorizer = new JwtAuthorizer(ISSUER, List.of(CLIENT),
                URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    private static String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("user-1").audience(CLIENT)
                .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plusSeconds(3600)))
                .claim("token_use", "id").claim("custom:tenant", "seoul")
                .claim("cognito:groups", List.of("learners", "mentors"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    @Test
    void aValidIdTokenPassesWithClaimsShapedAsApiGatewayShapesThem() throws Exception {
        Map<String, String> claims = authorizer.authorize("Bearer " + token(key, c -> { })).orElseThrow();
        assertThat(claims).containsEntry("sub", "user-1")
                .containsEntry("cognito:groups", "[learners mentors]")
                .containsEntry("custom:tenant", "seoul")
                .containsEntry("exp", Long.toString(NOW.plusSeconds(3600).getEpochSecond()));
    }

    @Test
    void theBearerPrefixIsOptional() throws Exception {
        assertThat(authorizer.authorize(token(key, c -> { }))).isPresent();
    }

    @Test
    void anAccessTokenIsCheckedByItsClientId() throws Exception {
        String access = token(key, c -> c.audience((String) null).claim("client_id", CLIENT).claim("token_use", "access"));
        assertThat(authorizer.authorize(access)).isPresent();
        String otherClient = token(key, c -> c.audience((String) null).claim("client_id", "someone-else"));
        assertThat(authorizer.authorize(otherClient)).isEmpty();
    }

    @Test
    void refusesExpiredWrongIssuerWrongAudienceNotYetValidAndForgedTokens() throws Exception {
        assertThat(authorizer.authorize(token(key, c -> c.expirationTime(Date.from(NOW.minusSeconds(1)))))).isEmpty();
        assertThat(authorizer.authorize(token(key, c -> c.issuer("https://evil.example.org/pool")))).isEmpty();
        assertThat(authorizer.authorize(token(key, c -> c.audience("another-client")))).isEmpty();
        assertThat(authorizer.authorize(token(key, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(600)))))).isEmpty();
        assertThat(authorizer.authorize(token(otherKeySameKid, c -> { }))).as("signed by another key").isEmpty();
        assertThat(authorizer.authorize(token(key, c -> c.expirationTime(null)))).as("no expiry").isEmpty();
    }

    @Test
    void refusesGarbageAndMissingHeaders() {
        assertThat(authorizer.authorize(null)).isEmpty();
        assertThat(authorizer.authorize("")).isEmpty();
        assertThat(authorizer.authorize("Bearer not.a.jwt")).isEmpty();
        assertThat(authorizer.authorize("Basic dXNlcjpwYXNz")).isEmpty();
    }

    @Test
    void findsTheJwksOfACognitoIssuerOnTheLocalEndpoint() {
        assertThat(JwtAuthorizer.jwksUri(ISSUER, URI.create("http://127.0.0.1:4566")))
                .isEqualTo(URI.create("http://127.0.0.1:4566/ap-northeast-2_test/.well-known/jwks.json"));
    }
}
