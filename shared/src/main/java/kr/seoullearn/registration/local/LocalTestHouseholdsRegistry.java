package kr.seoullearn.registration.local;

import kr.seoullearn.registration.domain.RecordsOutcome;
import kr.seoullearn.registration.port.EligibilityRegistry;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LOCAL STAND-IN for the eligibility registry, backed by the seeded TEST households in
 * {@code registry/local-test-households.json} (made-up people). Selected with
 * ELIGIBILITY_REGISTRY=local-test-households; a deployment to real users plugs in the city's
 * registry adapter instead.
 *
 * <p>One household is a family of test children: with {@code applicantNameIsPrefix} its
 * applicant name matches every name that starts with it (이도현, 이도현가나, …). Only one child
 * per programme year is approved by the records (docs/adr/0021), so each test that needs an
 * approval at once names its own child of that family.
 */
public final class LocalTestHouseholdsRegistry implements EligibilityRegistry {
    private final List<Household> households;

    record Household(String applicantName, boolean applicantNameIsPrefix, LocalDate applicantBirthDate, String headName,
                     LocalDate headBirthDate, int incomePercentOfMedian, List<String> categories) {}

    public LocalTestHouseholdsRegistry() {
        this.households = load();
    }

    @Override
    public Answer check(Query q) {
        for (Household h : households) {
            boolean applicant = h.applicantNameIsPrefix()
                    ? q.applicantName() != null && normalise(q.applicantName()).startsWith(normalise(h.applicantName()))
                    : same(h.applicantName(), q.applicantName());
            if (applicant && h.applicantBirthDate().equals(q.applicantBirthDate())
                    && same(h.headName(), q.householdHeadName()) && h.headBirthDate().equals(q.householdHeadBirthDate())) {
                List<String> verified = new ArrayList<>();
                for (String category : q.categories()) {
                    boolean incomeBased = category.equals("LOW_INCOME");
                    if (h.categories().contains(category)
                            && (!incomeBased || h.incomePercentOfMedian() <= q.incomeLinePercent())) {
                        verified.add(category);
                    }
                }
                return new Answer(verified.isEmpty() ? RecordsOutcome.NEEDS_DOCUMENTS : RecordsOutcome.VERIFIED, List.copyOf(verified));
            }
        }
        return new Answer(RecordsOutcome.NOT_FOUND, List.of());
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }

    private static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static List<Household> load() {
        try (InputStream in = LocalTestHouseholdsRegistry.class.getResourceAsStream("/registry/local-test-households.json")) {
            List<Household> list = new ArrayList<>();
            for (Object o : JSON.std.listFrom(in)) {
                Map<String, Object> m = (Map<String, Object>) o;
                list.add(new Household(String.valueOf(m.get("applicantName")), Boolean.TRUE.equals(m.get("applicantNameIsPrefix")),
                        LocalDate.parse(String.valueOf(m.get("applicantBirthDate"))),
                        String.valueOf(m.get("householdHeadName")),
                        LocalDate.parse(String.valueOf(m.get("householdHeadBirthDate"))),
                        ((Number) m.get("incomePercentOfMedian")).intValue(),
                        ((List<Object>) m.get("categories")).stream().map(String::valueOf).toList()));
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
