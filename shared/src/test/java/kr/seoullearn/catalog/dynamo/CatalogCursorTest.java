package kr.seoullearn.catalog.dynamo;

import kr.seoullearn.platform.dynamo.Keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import kr.seoullearn.catalog.port.Catalog.BrowseFilter;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CatalogCursorTest {
    private static final Map<String, AttributeValue> KEY = Map.of(Keys.PK, AttributeValue.fromS("CAT#L#MIDDLE"),
            Keys.SK, AttributeValue.fromS("MATH#02#mbest#c00000001"));

    @Test
    void aCursorComesBackAsTheKeyItWasMadeFrom() {
        String fp = CatalogCursor.fingerprint("q");
        String cursor = CatalogCursor.encode(fp, KEY);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(CatalogCursor.decode(cursor, fp).key()).isEqualTo(KEY);
    }

    @Test
    void anotherQuerysCursorIsRefused() {
        String cursor = CatalogCursor.encode(CatalogCursor.fingerprint("a"), KEY);
        assertThatThrownBy(() -> CatalogCursor.decode(cursor, CatalogCursor.fingerprint("b")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.extensions().toString()).contains("cursor"));
    }

    @Test
    void garbageIsRefused() {
        String fp = CatalogCursor.fingerprint("a");
        for (String bad : new String[] {"!!!", "e30", b64("[1,2]"), b64("{\"f\":\"" + fp + "\",\"p\":1,\"s\":\"x\"}"),
                b64("{\"f\":\"" + fp + "\",\"p\":\"P\",\"s\":\"\"}"), "A".repeat(2000)}) {
            assertThatThrownBy(() -> CatalogCursor.decode(bad, fp)).as(bad).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void aCursorIsAcceptedOnlyInsideItsPlansPartitionAndRange() {
        var plan = QueryPlan.browse(new BrowseFilter(SchoolLevel.MIDDLE, Subject.MATH, null, 2));
        assertThat(plan.start(new CatalogCursor.Position("CAT#LG#MIDDLE#02", "MATH#mbest#c1"))).isNotNull();
        assertThatThrownBy(() -> plan.start(new CatalogCursor.Position("CAT#L#MIDDLE", "MATH#02#mbest#c1")))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> plan.start(new CatalogCursor.Position("CAT#LG#MIDDLE#02", "KOREAN#mbest#c1")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void browsingReadsThePartitionWhereTheFewestFiltersAreLeft() {
        // level alone: the level's partition, whole
        assertThat(plan(SchoolLevel.MIDDLE, null, null, null)).isEqualTo("CAT#L#MIDDLE|||");
        // level + subject: a prefix of the level's partition
        assertThat(plan(SchoolLevel.MIDDLE, Subject.MATH, null, null)).isEqualTo("CAT#L#MIDDLE|MATH#||");
        // level + grade (+ subject): the level and grade's partition
        assertThat(plan(SchoolLevel.HIGH, null, null, 3)).isEqualTo("CAT#LG#HIGH#03|||");
        assertThat(plan(SchoolLevel.MIDDLE, Subject.MATH, null, 2)).isEqualTo("CAT#LG#MIDDLE#02|MATH#||");
        // level + provider (+ subject): the provider's partition, level first
        assertThat(plan(SchoolLevel.MIDDLE, null, "mbest", null)).isEqualTo("CAT#P#mbest|MIDDLE#||");
        assertThat(plan(SchoolLevel.MIDDLE, Subject.MATH, "mbest", null)).isEqualTo("CAT#P#mbest|MIDDLE#MATH#||");
        // everything: a full prefix of the narrowest partition
        assertThat(plan(SchoolLevel.MIDDLE, Subject.MATH, "mbest", 2)).isEqualTo("CAT#LG#MIDDLE#02|MATH#mbest#||");
        // level + grade + provider: one filter is left either way; the narrower partition wins
        assertThat(plan(SchoolLevel.MIDDLE, null, "mbest", 2)).isEqualTo("CAT#LG#MIDDLE#02|||#f0 = :f0");
        // a provider without its level: subject and grade are filters
        assertThat(plan(null, Subject.MATH, "mbest", null)).isEqualTo("CAT#P#mbest|||#f0 = :f0");
        assertThat(plan(null, Subject.MATH, "mbest", 2)).isEqualTo("CAT#P#mbest|||#f0 = :f0 AND #f1 = :f1");
    }

    private static String plan(SchoolLevel level, Subject subject, String provider, Integer grade) {
        var p = QueryPlan.browse(new BrowseFilter(level, subject, provider, grade));
        return p.partition() + "|" + p.prefix() + "|" + (p.from() == null ? "" : p.from()) + "|"
                + (p.filter().isEmpty() ? "" : p.filter().expression());
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
