package kr.seoullearn.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Emulates API Gateway's HTTP API JWT authorizer: the token (with or without "Bearer ") must be
 * an RS256 JWT signed by a key of the issuer's JWKS, from the configured issuer, for one of the
 * configured audiences ({@code aud}, or {@code client_id} when there is no {@code aud}), and
 * neither expired nor not yet valid. The claims then reach the function as strings, arrays
 * flattened as API Gateway does: {@code ["learners","mentors"]} becomes {@code "[learners mentors]"}.
 */
public final class JwtAuthorizer {
    private final String issuer;
    private final Set<String> audience;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;

    public JwtAuthorizer(String issuer, Collection<String> audience, URI jwksUri, Clock clock) {
        this.issuer = issuer;
        this.audience = Set.copyOf(audience);
        this.clock = clock;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // Claims are checked below, against our clock, the way API Gateway checks them.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /** Where the JWKS of a Cognito issuer lives on the local AWS endpoint. */
    public static URI jwksUri(String issuer, URI localEndpoint) {
        String prefix = "https://cognito-idp.";
        if (issuer.startsWith(prefix)) {
            String poolId = issuer.substring(issuer.lastIndexOf('/') + 1);
            return localEndpoint.resolve("/" + poolId + "/.well-known/jwks.json");
        }
        return URI.create(issuer + "/.well-known/jwks.json");
    }

    /** The claims as the function will see them, or empty when API Gateway would answer 401. */
    public Optional<Map<String, String>> authorize(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        String token = authorizationHeader.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
        if (!issuer.equals(claims.getIssuer())) {
            return Optional.empty();
        }
        List<String> aud = claims.getAudience();
        boolean audienceOk;
        if (aud != null && !aud.isEmpty()) {
            audienceOk = aud.stream().anyMatch(audience::contains);
        } else {
            Object clientId = claims.getClaim("client_id");
            audienceOk = clientId != null && audience.contains(String.valueOf(clientId));
        }
        if (!audienceOk) {
            return Optional.empty();
        }
        Date now = Date.from(clock.instant());
        if (claims.getExpirationTime() == null || !now.before(claims.getExpirationTime())) {
            return Optional.empty();
        }
        if (claims.getNotBeforeTime() != null && now.before(claims.getNotBeforeTime())) {
            return Optional.empty();
        }
        return Optional.of(flatten(claims));
    }

    static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> flat.put(name, asString(value)));
        return flat;
    }

    private static String asString(Object value) {
        if (value instanceof Collection<?> list) {
            StringJoiner joined = new StringJoiner(" ", "[", "]");
            list.forEach(v -> joined.add(String.valueOf(v)));
            return joined.toString();
        }
        if (value instanceof Date date) {
            return Long.toString(date.getTime() / 1000);
        }
        return String.valueOf(value);
    }
}
