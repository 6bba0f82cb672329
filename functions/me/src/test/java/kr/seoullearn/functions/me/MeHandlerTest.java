package kr.seoullearn.functions.me;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The handler with an in-memory profile port; MeHandlerIT runs it against DynamoDB. */
class MeHandlerTest {
    private static final String SUB = "4f1c2d3e-0000-4000-8000-000000000001";

    private static final class InMemoryProfiles implements ProfileRepository {
        final Map<String, Profile> byKey = new HashMap<>();

        @Override
        public Optional<Profile> find(TenantId tenant, String userId) {
            return Optional.ofNullable(byKey.get(tenant + "/" + userId));
        }

        @Override
        public boolean createIfAbsent(Profile profile) {
            return byKey.putIfAbsent(profile.tenant() + "/" + profile.userId(), profile) == null;
        }

        @Override
        public boolean createDraft(Profile draft) {
            return createIfAbsent(draft); // reminders are not this fake's business
        }
    }

    @Test
    void answersTheLearnersIdentityGroupsAndStatusFromTheApiGatewayEvent() {
        // GIVEN an approved learner and the event API Gateway sends after the JWT authorizer
        InMemoryProfiles profiles = new InMemoryProfiles();
        profiles.createIfAbsent(new Profile(TenantId.SEOUL, SUB, "learner@example.org", RegistrationStatus.APPROVED, "김민준",
                Language.KO, Instant.parse("2026-03-01T00:00:00Z"), 1));
        APIGatewayV2HTTPEvent event = Events.load("/events/me-learner.json", APIGatewayV2HTTPEvent.class);
        // WHEN
        APIGatewayV2HTTPResponse response = new MeHandler(profiles).handleRequest(event, null);
        // THEN
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"userId\":\"" + SUB + "\",\"tenant\":\"seoul\",\"groups\":[\"learners\"],"
                + "\"registrationStatus\":\"APPROVED\",\"displayName\":\"김민준\",\"preferredLanguage\":\"ko\"}");
    }

    @Test
    void aSignedInUserWithoutProfileIsNotRegistered() {
        APIGatewayV2HTTPEvent event = Events.load("/events/me-learner.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = new MeHandler(new InMemoryProfiles()).handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"registrationStatus\":\"NOT_REGISTERED\"").doesNotContain("displayName");
    }

    @Test
    void withoutAuthorizerClaimsTheAnswerIs401ProblemJson() {
        APIGatewayV2HTTPEvent event = Events.http("GET /api/me", null, null, "zh");
        APIGatewayV2HTTPResponse response = new MeHandler(new InMemoryProfiles()).handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(response.getBody()).contains("\"code\":\"unauthenticated\"").contains("请登录");
    }
}
