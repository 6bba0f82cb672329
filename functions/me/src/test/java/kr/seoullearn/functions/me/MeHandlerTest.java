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

    /** Accounts, tenants and groups in memory (MeHandlerIT and the local cloud run the real ones). */
    private static final class InMemoryAccounts implements kr.seoullearn.registration.port.Accounts {
        final Map<String, kr.seoullearn.registration.domain.Account> byId = new HashMap<>();

        @Override
        public Optional<kr.seoullearn.registration.domain.Account> find(String userId) {
            return Optional.ofNullable(byId.get(userId));
        }

        @Override
        public boolean open(kr.seoullearn.registration.domain.Account account) {
            return byId.putIfAbsent(account.userId(), account) == null;
        }

        @Override
        public boolean chooseTenant(String userId, TenantId tenant) {
            var a = byId.get(userId);
            if (a == null || (a.tenant() != null && !a.tenant().equals(tenant))) {
                return false;
            }
            byId.put(userId, new kr.seoullearn.registration.domain.Account(userId, a.username(), tenant, a.language(), a.openedAt()));
            return true;
        }
    }

    private static final kr.seoullearn.platform.tenant.TenantDirectory TENANTS = new kr.seoullearn.platform.tenant.TenantDirectory() {
        @Override
        public Optional<Tenant> find(TenantId id) {
            return java.util.List.of("seoul", "chungbuk").contains(id.value()) ? Optional.of(new Tenant(id, id.value(), id.value()))
                    : Optional.empty();
        }

        @Override
        public java.util.List<Tenant> all() {
            return java.util.List.of();
        }
    };

    private final java.util.List<String> joined = new java.util.ArrayList<>();
    private final kr.seoullearn.platform.identity.GroupMembership groups = new kr.seoullearn.platform.identity.GroupMembership() {
        @Override
        public void add(String pool, String user, kr.seoullearn.platform.identity.Role role) {
            joined.add(user + ":" + role.group());
        }

        @Override
        public void remove(String pool, String user, kr.seoullearn.platform.identity.Role role) {
            joined.remove(user + ":" + role.group());
        }
    };
    private final InMemoryAccounts accounts = new InMemoryAccounts();

    private MeHandler handler(InMemoryProfiles profiles) {
        return new MeHandler(profiles, accounts, TENANTS, groups, "pool-1", java.time.Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
                java.time.ZoneOffset.UTC));
    }

    @Test
    void answersTheLearnersIdentityGroupsAndStatusFromTheApiGatewayEvent() {
        // GIVEN an approved learner and the event API Gateway sends after the JWT authorizer
        InMemoryProfiles profiles = new InMemoryProfiles();
        profiles.createIfAbsent(new Profile(TenantId.SEOUL, SUB, "learner@example.org", RegistrationStatus.APPROVED, "김민준",
                Language.KO, Instant.parse("2026-03-01T00:00:00Z"), 1));
        APIGatewayV2HTTPEvent event = Events.load("/events/me-learner.json", APIGatewayV2HTTPEvent.class);
        // WHEN
        APIGatewayV2HTTPResponse response = handler(profiles).handleRequest(event, null);
        // THEN
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"userId\":\"" + SUB + "\",\"tenant\":\"seoul\",\"groups\":[\"learners\"],"
                + "\"registrationStatus\":\"APPROVED\",\"displayName\":\"김민준\",\"preferredLanguage\":\"ko\"}");
    }

    @Test
    void aSignedInUserWithoutProfileIsNotRegistered() {
        APIGatewayV2HTTPEvent event = Events.load("/events/me-learner.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = handler(new InMemoryProfiles()).handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"registrationStatus\":\"NOT_REGISTERED\"").doesNotContain("displayName");
    }

    @Test
    void withoutAuthorizerClaimsTheAnswerIs401ProblemJson() {
        APIGatewayV2HTTPEvent event = Events.http("GET /api/me", null, null, "zh");
        APIGatewayV2HTTPResponse response = handler(new InMemoryProfiles()).handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(response.getBody()).contains("\"code\":\"unauthenticated\"").contains("请登录");
    }

    @Test
    void aTokenWithoutTenantIsLedToTheTenantStepAndTheMissingAccountAndGroupAreRepaired() {
        // GIVEN a confirmed person whose post-confirmation trigger failed: no account, no group, no tenant
        InMemoryProfiles profiles = new InMemoryProfiles();
        APIGatewayV2HTTPResponse me = handler(profiles).handleRequest(
                Events.http("GET /api/me", Events.claims("new-1", null), null, "en"), null);
        // THEN the answer says so (the app shows "where do you live?"), and the trigger's work is done
        assertThat(me.getStatusCode()).isEqualTo(200);
        assertThat(me.getBody()).doesNotContain("\"tenant\"").contains("\"registrationStatus\":\"TENANT_NOT_CHOSEN\"");
        assertThat(accounts.find("new-1")).isPresent();
        assertThat(joined).containsExactly("new-1:applicants");

        // WHEN they choose Chungbuk
        APIGatewayV2HTTPResponse chosen = handler(profiles).handleRequest(Events.http("PUT /api/me/tenant",
                Events.claims("new-1", null), "{\"tenant\":\"chungbuk\"}", "en"), null);
        assertThat(chosen.getStatusCode()).isEqualTo(200);
        assertThat(chosen.getBody()).contains("\"tenant\":\"chungbuk\"").contains("\"registrationStatus\":\"DRAFT\"");
        assertThat(profiles.find(new TenantId("chungbuk"), "new-1")).isPresent();
        // a retry is answered the same; another tenant is refused
        assertThat(handler(profiles).handleRequest(Events.http("PUT /api/me/tenant", Events.claims("new-1", null),
                "{\"tenant\":\"chungbuk\"}", "en"), null).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse moved = handler(profiles).handleRequest(Events.http("PUT /api/me/tenant",
                Events.claims("new-1", null), "{\"tenant\":\"seoul\"}", "en"), null);
        assertThat(moved.getStatusCode()).isEqualTo(409);
        assertThat(moved.getBody()).contains("\"code\":\"tenant-already-chosen\"");
        assertThat(profiles.find(TenantId.SEOUL, "new-1")).isEmpty();
    }

    @Test
    void anUnknownOrMissingTenantIsA400AndChangesNothing() {
        InMemoryProfiles profiles = new InMemoryProfiles();
        for (String body : new String[] {"{\"tenant\":\"atlantis\"}", "{\"tenant\":\"../seoul\"}", "{}", "{\"tenant\":7}"}) {
            APIGatewayV2HTTPResponse r = handler(profiles).handleRequest(Events.http("PUT /api/me/tenant",
                    Events.claims("new-2", null), body, "ko"), null);
            assertThat(r.getStatusCode()).as(body).isEqualTo(400);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        }
        assertThat(accounts.find("new-2")).isEmpty();
        assertThat(profiles.byKey).isEmpty();
    }

    @Test
    void aCatalogueOperatorWithoutTenantIsNotSentToTheTenantStep() {
        APIGatewayV2HTTPResponse me = handler(new InMemoryProfiles()).handleRequest(Events.http("GET /api/me",
                Events.claims("operator-1", null, "catalogue-operators"), null, "en"), null);
        assertThat(me.getStatusCode()).isEqualTo(200);
        assertThat(me.getBody()).contains("\"registrationStatus\":\"NOT_REGISTERED\"").doesNotContain("\"tenant\"");
        assertThat(joined).as("staff have their groups: no repair").isEmpty();
    }

    @Test
    void theTenantsArePublicWithFourNamesEachAndAnUnknownMethodOrWrongPathIsNotAnswered() {
        var directory = new kr.seoullearn.platform.tenant.TenantDirectory() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                return Optional.empty();
            }

            @Override
            public java.util.List<Tenant> all() {
                return java.util.List.of(new Tenant(new TenantId("seoul"), "서울특별시", "Seoul"));
            }
        };
        MeHandler handler = new MeHandler(new InMemoryProfiles(), accounts, directory, groups, "pool-1", java.time.Clock.systemUTC());
        // an API Gateway event with no authorizer claims: the route is public
        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("GET /api/tenants", null, null, "zh"), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("{\"items\":[{\"tenant\":\"seoul\",\"name\":{\"ko\":\"서울특별시\",\"en\":\"Seoul\","
                + "\"vi\":\"Seoul\",\"zh\":\"Seoul\"},\"districts\":[]}]}");
        // the same answer with a token
        assertThat(handler.handleRequest(Events.http("GET /api/tenants", Events.claims("u-1", "seoul", "learners"), null, "ko"), null)
                .getBody()).isEqualTo(r.getBody());
    }
}
