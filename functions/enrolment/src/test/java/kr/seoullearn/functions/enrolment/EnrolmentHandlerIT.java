package kr.seoullearn.functions.enrolment;

import static kr.seoullearn.functions.enrolment.EnrolmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The enrolment routes against the template's table on the emulator, through real API Gateway events. */
class EnrolmentHandlerIT {
    private static EnrolmentFixture f;
    private static Provider leaving;
    private static Provider gone;

    @BeforeAll
    static void provision() {
        f = new EnrolmentFixture("enrolment");
        f.provider("mbest", SchoolLevel.MIDDLE);
        f.provider("subakssi", SchoolLevel.MIDDLE);
        f.provider("megastudy", SchoolLevel.HIGH);
        f.provider("i-scream", SchoolLevel.ELEMENTARY);
        f.provider("eduwill", SchoolLevel.NOT_IN_SCHOOL, SchoolLevel.ADULT);
        f.provider("full", SchoolLevel.MIDDLE);
        leaving = f.provider("leaving", SchoolLevel.MIDDLE);
        gone = f.provider("gone", SchoolLevel.MIDDLE);
        f.deactivate(f.provider("left-already", SchoolLevel.MIDDLE), LocalDate.of(2026, 12, 31));
        for (String tenant : List.of("seoul", "chungbuk")) {
            f.programme(tenant, 1);
            for (String p : List.of("mbest", "subakssi", "megastudy", "i-scream", "eduwill", "leaving", "gone", "left-already")) {
                f.seats(tenant, p, 100);
            }
            f.seats(tenant, "full", 1);
        }
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMiddleSchoolLearnerEnrolsWithMbestAndGetsAnAccessLink() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        int usedBefore = f.number(f.seatsItem("seoul", "mbest"), "used");

        var r = f.enrol(learner, "seoul", "mbest");

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("status", "ENROLLED").containsEntry("providerId", "mbest");
        String link = (String) body.get("accessUrl");
        assertThat(link).startsWith("https://mbest.example/seoul-learn/seoul/ref-")
                .as("no personal data or account id in the link").doesNotContain(learner).doesNotContain("학습자");
        assertThat(f.number(f.seatsItem("seoul", "mbest"), "used")).isEqualTo(usedBefore + 1);

        Map<String, Object> mine = f.mine(learner, "seoul");
        assertThat(mine).containsEntry("pickLimit", 1).containsEntry("picksUsed", 1);
        List<Map<String, Object>> enrolments = (List<Map<String, Object>>) mine.get("enrolments");
        assertThat(enrolments).hasSize(1);
        assertThat(enrolments.get(0)).containsEntry("providerId", "mbest").containsEntry("accessUrl", link)
                .containsEntry("providerStatus", "ACTIVE").containsEntry("accessOpen", true).doesNotContainKey("accessUntil");
        assertThat((List<?>) mine.get("waitlist")).isEmpty();
    }

    @Test
    void aSecondEnrolmentBeyondThePickLimitIsRefusedWithTheReasonAndWritesNothing() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        assertThat(f.enrol(learner, "seoul", "mbest").getStatusCode()).isEqualTo(201);
        int subakssiUsed = f.number(f.seatsItem("seoul", "subakssi"), "used");

        var second = f.enrol(learner, "seoul", "subakssi");

        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(second.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(second)).containsEntry("code", "pick-limit-reached").containsEntry("pickLimit", 1)
                .containsEntry("title", "You already have as many providers as you can");
        var again = f.enrol(learner, "seoul", "mbest");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again)).containsEntry("code", "already-enrolled");
        assertThat(f.number(f.seatsItem("seoul", "subakssi"), "used")).isEqualTo(subakssiUsed);
        assertThat(f.learnerItems("seoul", learner)).extracting(i -> i.get("SK").s())
                .containsExactlyInAnyOrder("ENROLMENT#mbest", "PICKS");
        assertThat(f.number(f.learnerItems("seoul", learner).stream().filter(i -> i.get("SK").s().equals("PICKS")).findFirst().orElseThrow(),
                "picks")).isEqualTo(1);
    }

    @Test
    void aWaitlistEntryCountsTowardThePickLimit() {
        String holder = f.learner("chungbuk", SchoolLevel.MIDDLE);
        String learner = f.learner("chungbuk", SchoolLevel.MIDDLE);
        f.enrol(holder, "chungbuk", "full");
        var waiting = f.enrol(learner, "chungbuk", "full");
        assertThat(waiting.getStatusCode()).isEqualTo(202);
        assertThat(json(waiting)).containsEntry("status", "WAITLISTED").containsEntry("position", 1);

        var elsewhere = f.enrol(learner, "chungbuk", "mbest");

        assertThat(elsewhere.getStatusCode()).isEqualTo(409);
        assertThat(json(elsewhere)).containsEntry("code", "pick-limit-reached");
        // leaving the waitlist gives the pick back
        assertThat(f.call("DELETE /api/enrolments/{providerId}", learner, "chungbuk", "full", null, "learners").getStatusCode()).isEqualTo(204);
        assertThat(f.enrol(learner, "chungbuk", "mbest").getStatusCode()).isEqualTo(201);
        assertThat(f.number(f.seatsItem("chungbuk", "full"), "waiting")).isZero();
        assertThat(f.waitlist("chungbuk", "full")).isEmpty();
    }

    @Test
    void aLearnerEnrolsOnlyWithAnActiveProviderOfTheirLevel() {
        String elementary = f.learner("seoul", SchoolLevel.ELEMENTARY);
        var high = f.enrol(elementary, "seoul", "megastudy");
        assertThat(high.getStatusCode()).isEqualTo(422);
        assertThat(json(high)).containsEntry("code", "provider-not-for-level");

        var unknown = f.enrol(elementary, "seoul", "no-such-provider");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "provider-not-found");

        String middle = f.learner("seoul", SchoolLevel.MIDDLE);
        var inactive = f.enrol(middle, "seoul", "left-already");
        assertThat(inactive.getStatusCode()).isEqualTo(409);
        assertThat(json(inactive)).containsEntry("code", "provider-inactive");

        String outOfSchool = f.learner("seoul", SchoolLevel.NOT_IN_SCHOOL);
        assertThat(f.enrol(outOfSchool, "seoul", "eduwill").getStatusCode()).isEqualTo(201);
        assertThat(f.enrol(elementary, "seoul", "i-scream").getStatusCode()).isEqualTo(201);

        assertThat(f.learnerItems("seoul", middle)).as("refusals write nothing").isEmpty();
        assertThat(f.learnerItems("seoul", elementary)).extracting(i -> i.get("SK").s()).containsExactlyInAnyOrder("ENROLMENT#i-scream", "PICKS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void learnersOfAProviderThatLeftKeepTheirLinkUntilTheGracePeriodEnds() {
        String stays = f.learner("seoul", SchoolLevel.MIDDLE);
        String late = f.learner("seoul", SchoolLevel.MIDDLE);
        assertThat(f.enrol(stays, "seoul", "leaving").getStatusCode()).isEqualTo(201);
        assertThat(f.enrol(late, "seoul", "gone").getStatusCode()).isEqualTo(201);
        f.deactivate(leaving, LocalDate.of(2026, 12, 31)); // today is 2026-11-28 in Seoul
        f.deactivate(gone, LocalDate.of(2026, 11, 27));

        var inGrace = ((List<Map<String, Object>>) f.mine(stays, "seoul").get("enrolments")).get(0);
        assertThat(inGrace).containsEntry("providerStatus", "INACTIVE").containsEntry("accessUntil", "2026-12-31")
                .containsEntry("accessOpen", true);
        assertThat((String) inGrace.get("accessUrl")).startsWith("https://leaving.example/");
        var ended = ((List<Map<String, Object>>) f.mine(late, "seoul").get("enrolments")).get(0);
        assertThat(ended).containsEntry("accessUntil", "2026-11-27").containsEntry("accessOpen", false).doesNotContainKey("accessUrl");

        String newcomer = f.learner("seoul", SchoolLevel.MIDDLE);
        var refused = f.enrol(newcomer, "seoul", "leaving");
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(json(refused)).containsEntry("code", "provider-inactive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withdrawingFreesTheSeatForTheFirstInLine() {
        f.seats("seoul", "subakssi", 100);
        String a = f.learner("seoul", SchoolLevel.MIDDLE);
        String b = f.learner("seoul", SchoolLevel.MIDDLE);
        f.seatsTaken("chungbuk", "subakssi", 1, 0);
        assertThat(f.enrol(a, "chungbuk", "subakssi").getStatusCode()).as("no application in chungbuk").isEqualTo(404);
        String c1 = f.learner("chungbuk", SchoolLevel.MIDDLE);
        String c2 = f.learner("chungbuk", SchoolLevel.MIDDLE);
        String c3 = f.learner("chungbuk", SchoolLevel.MIDDLE);
        assertThat(f.enrol(c1, "chungbuk", "subakssi").getStatusCode()).isEqualTo(201);
        assertThat(json(f.enrol(c2, "chungbuk", "subakssi"))).containsEntry("position", 1);
        assertThat(json(f.enrol(c3, "chungbuk", "subakssi"))).containsEntry("position", 2);

        assertThat(f.call("DELETE /api/enrolments/{providerId}", c1, "chungbuk", "subakssi", null, "learners").getStatusCode()).isEqualTo(204);

        var promoted = (List<Map<String, Object>>) f.mine(c2, "chungbuk").get("enrolments");
        assertThat(promoted).singleElement().satisfies(e -> assertThat(e).containsEntry("status", "ENROLLED").containsKey("accessUrl"));
        var next = (List<Map<String, Object>>) f.mine(c3, "chungbuk").get("waitlist");
        assertThat(next).singleElement().satisfies(e -> assertThat(e).containsEntry("position", 1));
        assertThat(f.mine(c1, "chungbuk")).containsEntry("picksUsed", 0);
        var seats = f.seatsItem("chungbuk", "subakssi");
        assertThat(f.number(seats, "used")).isEqualTo(1);
        assertThat(f.number(seats, "waiting")).isEqualTo(1);
        // seoul's seats of the same provider are another tenant's: untouched
        assertThat(f.number(f.seatsItem("seoul", "subakssi"), "used")).isEqualTo(0);
        assertThat(f.enrol(b, "seoul", "subakssi").getStatusCode()).isEqualTo(201);
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminsSetSeatsAndSeeTheUsageOfTheirOwnTenantOnly() {
        f.provider("admin-p", SchoolLevel.HIGH);
        f.seats("seoul", "admin-p", 1);
        f.seats("chungbuk", "admin-p", 50);
        List<String> waiting = new ArrayList<>();
        String first = f.learner("seoul", SchoolLevel.HIGH);
        f.enrol(first, "seoul", "admin-p");
        for (int i = 0; i < 3; i++) {
            String w = f.learner("seoul", SchoolLevel.HIGH);
            assertThat(f.enrol(w, "seoul", "admin-p").getStatusCode()).isEqualTo(202);
            waiting.add(w);
        }

        var usage = f.call("GET /api/admin/providers/{providerId}/usage", "admin-1", "seoul", "admin-p", null, "admins");
        assertThat(usage.getStatusCode()).isEqualTo(200);
        assertThat(json(usage)).containsEntry("seats", 1).containsEntry("used", 1).containsEntry("waiting", 3).containsEntry("free", 0);
        assertThat((List<Map<String, Object>>) json(usage).get("waitlistHead")).extracting(m -> m.get("userId")).containsExactlyElementsOf(waiting);

        var lowered = f.call("PUT /api/admin/providers/{providerId}/seats", "admin-1", "seoul", "admin-p", "{\"seats\":0}", "admins");
        assertThat(lowered.getStatusCode()).isEqualTo(409);
        assertThat(json(lowered)).containsEntry("code", "seats-below-used").containsEntry("used", 1);

        var raised = f.call("PUT /api/admin/providers/{providerId}/seats", "admin-1", "seoul", "admin-p", "{\"seats\":3}", "admins");
        assertThat(raised.getStatusCode()).isEqualTo(200);
        assertThat(json(raised)).containsEntry("seats", 3).containsEntry("used", 3).containsEntry("waiting", 1).containsEntry("promoted", 2);

        // chungbuk's admin sees and changes chungbuk's seats of the same provider, never seoul's
        var other = f.call("GET /api/admin/providers/{providerId}/usage", "admin-2", "chungbuk", "admin-p", null, "admins");
        assertThat(json(other)).containsEntry("tenant", "chungbuk").containsEntry("seats", 50).containsEntry("used", 0).containsEntry("waiting", 0);
        assertThat(f.call("PUT /api/admin/providers/{providerId}/seats", "admin-2", "chungbuk", "admin-p", "{\"seats\":7}", "admins")
                .getStatusCode()).isEqualTo(200);
        assertThat(f.number(f.seatsItem("seoul", "admin-p"), "seats")).isEqualTo(3);
        assertThat(f.number(f.seatsItem("chungbuk", "admin-p"), "seats")).isEqualTo(7);

        var unknown = f.call("GET /api/admin/providers/{providerId}/usage", "admin-1", "seoul", "nobody", null, "admins");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "provider-not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSeatLeftFreeWhileLearnersWaitGoesToTheFirstInLineBeforeANewcomer() {
        // GIVEN a withdrawal that freed a seat and stopped before handing it on (W1 without P)
        f.provider("stranded", SchoolLevel.MIDDLE);
        f.seats("seoul", "stranded", 1);
        String holder = f.learner("seoul", SchoolLevel.MIDDLE);
        String first = f.learner("seoul", SchoolLevel.MIDDLE);
        f.enrol(holder, "seoul", "stranded");
        assertThat(json(f.enrol(first, "seoul", "stranded"))).containsEntry("position", 1);
        f.dynamo.updateItem(u -> u.tableName(f.stack.table())
                .key(kr.seoullearn.platform.dynamo.Keys.seats(new kr.seoullearn.platform.tenant.TenantId("seoul"), "stranded").attributes())
                .updateExpression("SET used = :zero")
                .expressionAttributeValues(Map.of(":zero", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("0"))));

        // WHEN a newcomer asks
        String newcomer = f.learner("seoul", SchoolLevel.MIDDLE);
        var r = f.enrol(newcomer, "seoul", "stranded");

        // THEN the seat went to the first in line, and the newcomer waits behind
        assertThat(r.getStatusCode()).isEqualTo(202);
        assertThat(json(r)).containsEntry("position", 1);
        assertThat((List<Map<String, Object>>) f.mine(first, "seoul").get("enrolments")).hasSize(1);
        assertThat(f.number(f.seatsItem("seoul", "stranded"), "used")).isEqualTo(1);
        assertThat(f.number(f.seatsItem("seoul", "stranded"), "waiting")).isEqualTo(1);
    }

    @Test
    void learnersWaitForAProviderWithoutSeatsInTheirTenantUntilAnAdminGivesSome() {
        f.provider("no-seats", SchoolLevel.HIGH);
        String learner = f.learner("seoul", SchoolLevel.HIGH);

        var waiting = f.enrol(learner, "seoul", "no-seats");

        assertThat(waiting.getStatusCode()).isEqualTo(202);
        assertThat(json(waiting)).containsEntry("position", 1);
        var usage = json(f.call("GET /api/admin/providers/{providerId}/usage", "admin", "seoul", "no-seats", null, "admins"));
        assertThat(usage).containsEntry("seats", 0).containsEntry("used", 0).containsEntry("waiting", 1);
        var given = f.call("PUT /api/admin/providers/{providerId}/seats", "admin", "seoul", "no-seats", "{\"seats\":1}", "admins");
        assertThat(json(given)).containsEntry("promoted", 1).containsEntry("used", 1).containsEntry("waiting", 0);
    }

    /** One request per route and caller that must be refused; with the status it must get. */
    private record Refused(String what, String route, String sub, String tenant, String providerId, String body, int status, String code,
                           String... groups) {}

    @Test
    void badInputWrongRolesAndOtherPeoplesRecordsAreProblemsThatWriteNothing() {
        String owner = f.learner("seoul", SchoolLevel.MIDDLE);
        assertThat(f.enrol(owner, "seoul", "mbest").getStatusCode()).isEqualTo(201);
        String other = f.learner("seoul", SchoolLevel.MIDDLE);
        String applicant = "applicant-" + owner;
        var before = snapshot(owner, other);

        List<Refused> cases = new ArrayList<>();
        // bad input, every route
        cases.add(new Refused("malformed", "POST /api/enrolments", other, "seoul", null, "{\"providerId\":", 400, "malformed-json", "learners"));
        cases.add(new Refused("wrong type", "POST /api/enrolments", other, "seoul", null, "{\"providerId\":[\"mbest\"]}", 400, "validation-failed", "learners"));
        cases.add(new Refused("missing field", "POST /api/enrolments", other, "seoul", null, "{}", 400, "validation-failed", "learners"));
        cases.add(new Refused("unknown field", "POST /api/enrolments", other, "seoul", null, "{\"providerId\":\"mbest\",\"userId\":\"x\"}", 400, "validation-failed", "learners"));
        cases.add(new Refused("bad id", "POST /api/enrolments", other, "seoul", null, "{\"providerId\":\"Mbest;\"}", 400, "validation-failed", "learners"));
        cases.add(new Refused("oversize", "POST /api/enrolments", other, "seoul", null, "{\"providerId\":\"" + "m".repeat(70_000) + "\"}", 413, "body-too-large", "learners"));
        cases.add(new Refused("bad id", "DELETE /api/enrolments/{providerId}", owner, "seoul", "MBEST", null, 404, "enrolment-not-found", "learners"));
        cases.add(new Refused("bad id", "PUT /api/admin/providers/{providerId}/seats", "admin-1", "seoul", "m b", "{\"seats\":5}", 404, "provider-not-found", "admins"));
        cases.add(new Refused("unknown provider", "PUT /api/admin/providers/{providerId}/seats", "admin-1", "seoul", "nobody", "{\"seats\":5}", 404, "provider-not-found", "admins"));
        cases.add(new Refused("negative", "PUT /api/admin/providers/{providerId}/seats", "admin-1", "seoul", "mbest", "{\"seats\":-5}", 400, "validation-failed", "admins"));
        cases.add(new Refused("wrong type", "PUT /api/admin/providers/{providerId}/seats", "admin-1", "seoul", "mbest", "{\"seats\":\"5\"}", 400, "validation-failed", "admins"));
        cases.add(new Refused("bad id", "GET /api/admin/providers/{providerId}/usage", "admin-1", "seoul", "..", null, 404, "provider-not-found", "admins"));
        // another learner's enrolment: the route only ever reaches the caller's own
        cases.add(new Refused("not enrolled there", "DELETE /api/enrolments/{providerId}", other, "seoul", "mbest", null, 404, "enrolment-not-found", "learners"));
        // another tenant: the same account id under another tenant reaches nothing of seoul's
        cases.add(new Refused("other tenant", "DELETE /api/enrolments/{providerId}", owner, "chungbuk", "mbest", null, 404, "enrolment-not-found", "learners"));
        cases.add(new Refused("other tenant", "POST /api/enrolments", owner, "chungbuk", null, "{\"providerId\":\"subakssi\"}", 404, "profile-not-found", "learners"));
        // wrong roles and anonymous callers, every route
        Map<String, String[]> routes = new LinkedHashMap<>();
        routes.put("GET /api/enrolments", new String[] {null, null});
        routes.put("POST /api/enrolments", new String[] {null, "{\"providerId\":\"mbest\"}"});
        routes.put("DELETE /api/enrolments/{providerId}", new String[] {"mbest", null});
        routes.put("PUT /api/admin/providers/{providerId}/seats", new String[] {"mbest", "{\"seats\":500}"});
        routes.put("GET /api/admin/providers/{providerId}/usage", new String[] {"mbest", null});
        routes.forEach((route, args) -> {
            List<String> wrong = route.contains("/admin/") ? List.of("learners", "applicants", "reviewers", "mentors")
                    : List.of("applicants", "reviewers", "mentors", "admins");
            for (String group : wrong) {
                cases.add(new Refused(group, route, group.equals("learners") ? owner : applicant, "seoul", args[0], args[1], 403, "forbidden", group));
            }
            cases.add(new Refused("anonymous", route, owner, "seoul", args[0], args[1], 401, "unauthenticated", (String[]) null));
        });

        for (Refused c : cases) {
            f.counter.reset();
            APIGatewayV2HTTPResponse r = f.call(c.route(), c.sub(), c.tenant(), c.providerId(), c.body(), c.groups());
            String what = c.route() + " " + c.what();
            assertThat(r.getStatusCode()).as(what + ": " + r.getBody()).isEqualTo(c.status());
            assertThat(r.getHeaders()).as(what).containsEntry("content-type", "application/problem+json");
            assertThat(json(r)).as(what).containsEntry("code", c.code());
            assertThat(f.writes()).as(what + " wrote " + f.counter.snapshot()).isZero();
            assertThat(f.counter.count("Scan")).as(what).isZero();
        }
        // a conditional write that fails writes nothing either
        var below = f.call("PUT /api/admin/providers/{providerId}/seats", "admin-1", "seoul", "mbest", "{\"seats\":0}", "admins");
        assertThat(below.getStatusCode()).isEqualTo(409);
        assertThat(json(below)).containsEntry("code", "seats-below-used");
        assertThat(snapshot(owner, other)).as("nothing changed").isEqualTo(before);
    }

    private List<String> snapshot(String... learners) {
        List<String> state = new ArrayList<>();
        for (String l : learners) {
            f.learnerItems("seoul", l).forEach(i -> state.add(i.toString()));
        }
        state.add(f.seatsItem("seoul", "mbest").toString());
        state.add(f.seatsItem("chungbuk", "mbest").toString());
        return state;
    }

    @Test
    void eachRouteCostsABoundedNumberOfDynamoDbCallsAndNoScan() {
        f.provider("cost", SchoolLevel.MIDDLE);
        f.seats("seoul", "cost", 1);
        String a = f.learner("seoul", SchoolLevel.MIDDLE);
        String b = f.learner("seoul", SchoolLevel.MIDDLE);
        String c = f.learner("seoul", SchoolLevel.MIDDLE);
        Map<String, Map<String, Integer>> cost = new LinkedHashMap<>();

        cost.put("POST /api/enrolments (seat)", measure(() -> f.enrol(a, "seoul", "cost"), 201));
        cost.put("POST /api/enrolments (waitlist)", measure(() -> f.enrol(b, "seoul", "cost"), 202));
        f.enrol(c, "seoul", "cost");
        cost.put("GET /api/enrolments (1 seat)", measure(() -> f.call("GET /api/enrolments", a, "seoul", null, null, "learners"), 200));
        cost.put("GET /api/enrolments (1 waitlist entry)", measure(() -> f.call("GET /api/enrolments", b, "seoul", null, null, "learners"), 200));
        cost.put("DELETE /api/enrolments/{providerId} (waitlist)", measure(() ->
                f.call("DELETE /api/enrolments/{providerId}", c, "seoul", "cost", null, "learners"), 204));
        cost.put("DELETE /api/enrolments/{providerId} (seat, promotes)", measure(() ->
                f.call("DELETE /api/enrolments/{providerId}", a, "seoul", "cost", null, "learners"), 204));
        cost.put("DELETE /api/enrolments/{providerId} (seat, nobody waits)", measure(() ->
                f.call("DELETE /api/enrolments/{providerId}", b, "seoul", "cost", null, "learners"), 204));
        cost.put("GET /api/admin/providers/{providerId}/usage", measure(() ->
                f.call("GET /api/admin/providers/{providerId}/usage", "admin", "seoul", "cost", null, "admins"), 200));
        cost.put("PUT /api/admin/providers/{providerId}/seats", measure(() ->
                f.call("PUT /api/admin/providers/{providerId}/seats", "admin", "seoul", "cost", "{\"seats\":2}", "admins"), 200));
        cost.forEach((route, calls) -> System.out.println("[dynamodb calls] " + route + ": " + calls));

        assertThat(cost.get("POST /api/enrolments (seat)")).isEqualTo(Map.of("GetItem", 1, "Query", 2, "TransactWriteItems", 1));
        assertThat(cost.get("POST /api/enrolments (waitlist)"))
                .isEqualTo(Map.of("GetItem", 1, "Query", 3, "UpdateItem", 1, "TransactWriteItems", 2));
        assertThat(cost.get("GET /api/enrolments (1 seat)")).as("enrolments, providers, programme, notices").isEqualTo(Map.of("Query", 4));
        assertThat(cost.get("GET /api/enrolments (1 waitlist entry)")).as("+ its position").isEqualTo(Map.of("Query", 5));
        assertThat(cost.get("DELETE /api/enrolments/{providerId} (waitlist)")).isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 1));
        assertThat(cost.get("DELETE /api/enrolments/{providerId} (seat, promotes)"))
                .isEqualTo(Map.of("GetItem", 2, "Query", 1, "TransactWriteItems", 2));
        assertThat(cost.get("DELETE /api/enrolments/{providerId} (seat, nobody waits)")).isEqualTo(Map.of("GetItem", 2, "TransactWriteItems", 1));
        assertThat(cost.get("GET /api/admin/providers/{providerId}/usage")).isEqualTo(Map.of("GetItem", 1, "Query", 1));
        // the seats as read, then one transaction of the change and its audit entry (ADR 31)
        assertThat(cost.get("PUT /api/admin/providers/{providerId}/seats")).isEqualTo(Map.of("GetItem", 3, "Query", 1, "TransactWriteItems", 1));
    }

    private Map<String, Integer> measure(java.util.function.Supplier<APIGatewayV2HTTPResponse> request, int status) {
        f.counter.reset();
        var r = request.get();
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(f.counter.count("Scan")).isZero();
        return f.counter.snapshot();
    }
}
