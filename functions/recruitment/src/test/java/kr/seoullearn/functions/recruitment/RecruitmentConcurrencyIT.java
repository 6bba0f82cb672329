package kr.seoullearn.functions.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The round's target is held inside DynamoDB: with target 3, five reviewers selecting five
 * applicants at the same moment end with exactly three mentors, three SELECTED applications,
 * the round's counter at 3, and two clean 409 recruitment-round-full refusals that wrote nothing.
 */
class RecruitmentConcurrencyIT {
    private static RecruitmentFixture f;

    @BeforeAll
    static void provision() throws Exception {
        f = new RecruitmentFixture("recruitment-concurrency");
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @RepeatedTest(3)
    void fiveParallelSelectionsInARoundOfThreeMakeExactlyThreeMentors() throws Exception {
        String round = f.round("seoul", 3);
        List<String> applicants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String sub = f.person("applicants");
            var r = f.call("POST /api/recruitment/rounds/{roundId}/applications", sub, "seoul", Map.of("roundId", round),
                    f.applicationBody("seoul", sub), "ko", "applicants");
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
            applicants.add(sub);
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String applicant = applicants.get(i);
            String reviewer = "reviewer-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", reviewer, "seoul",
                        Map.of("roundId", round, "userId", applicant), Map.of("decision", "SELECT"), "en", "reviewers");
            }));
        }
        start.countDown();
        int selected = 0;
        int full = 0;
        for (Future<APIGatewayV2HTTPResponse> a : answers) {
            APIGatewayV2HTTPResponse r = a.get();
            if (r.getStatusCode() == 200) {
                selected++;
            } else {
                assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(409);
                assertThat(RecruitmentFixture.json(r).get("code")).isEqualTo("recruitment-round-full");
                full++;
            }
        }
        pool.shutdown();
        assertThat(selected).isEqualTo(3);
        assertThat(full).isEqualTo(2);
        assertThat(f.ledger.round(TenantId.SEOUL, round).orElseThrow().selected()).isEqualTo(3);
        List<MentorApplication> decided = f.ledger.applications(TenantId.SEOUL, round);
        assertThat(decided.stream().filter(a -> a.status() == MentorApplication.Status.SELECTED)).hasSize(3);
        assertThat(decided.stream().filter(a -> a.status() == MentorApplication.Status.SUBMITTED)).hasSize(2);
        List<String> mentors = f.mentoring.mentors(TenantId.SEOUL).stream().map(Mentor::userId).filter(applicants::contains).toList();
        assertThat(mentors).hasSize(3);
        long inGroup = applicants.stream().filter(a -> f.groupsOf(a).contains("mentors")).count();
        assertThat(inGroup).isEqualTo(3);
        // the round is closed to new applications and further selections
        String late = f.person("applicants");
        var refused = f.call("POST /api/recruitment/rounds/{roundId}/applications", late, "seoul", Map.of("roundId", round),
                f.applicationBody("seoul", late), "ko", "applicants");
        assertThat(RecruitmentFixture.json(refused).get("code")).isEqualTo("recruitment-round-full");
    }
}
