package kr.seoullearn.local.seed;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.recruitment.dynamo.RecruitmentStorage;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.RecruitmentRulesJson;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Recruitment's seed data (ADR 14): the rules of seed/recruitment-rules.json and one open
 * round per tenant (fixed ids, so seeding again changes nothing; its counter is kept).
 */
final class RecruitmentSeeder {
    /** The demo rounds: open from 2026-11-01 to 2027-12-31. */
    static final Map<String, Integer> ROUND_TARGETS = Map.of("seoul", 500, "chungbuk", 50);

    static String roundId(String tenant) {
        return tenant + "-mentors-2027";
    }

    private RecruitmentSeeder() {}

    @SuppressWarnings("unchecked")
    static void seed(DynamoDbClient dynamo, String table, Clock clock, Consumer<String> progress) throws IOException {
        RecruitmentLedger ledger = RecruitmentStorage.ledger(dynamo, table);
        List<RecruitmentRules> rules;
        try (var in = RecruitmentSeeder.class.getResourceAsStream("/seed/recruitment-rules.json")) {
            rules = com.fasterxml.jackson.jr.ob.JSON.std.listFrom(in).stream()
                    .map(o -> RecruitmentRulesJson.fromMap((Map<String, Object>) o)).toList();
        }
        rules.forEach(ledger::saveRules);
        ROUND_TARGETS.forEach((tenant, target) -> ledger.createRound(new Round(new TenantId(tenant), roundId(tenant),
                "2027 mentors", LocalDate.parse("2026-11-01"), LocalDate.parse("2027-12-31"), target, 0,
                EnumSet.allOf(Criterion.class), "seed", clock.instant())));
        progress.accept("seeded recruitment rules " + rules.stream().map(RecruitmentRules::id).toList() + " and rounds "
                + ROUND_TARGETS.keySet().stream().map(RecruitmentSeeder::roundId).sorted().toList());
    }
}
