package kr.seoullearn.local.seed;

import kr.seoullearn.registration.dynamo.RegistrationStorage;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.domain.MentoringRulesJson;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Mentoring's seed data: the rules of seed/mentoring-rules.json (the launch rules and the later
 * ones, per tenant and date) and the mentors (listed in the README), the demo mentor among them,
 * with their universities, subjects, levels, languages, capacity and weekly availability.
 * Idempotent: seeding again keeps mentors' mentee counts and edited availability.
 */
final class MentorSeeder {

    record SeedMentor(String email, String name, String tenant, String university, Set<MentoringSubject> subjects, Set<SchoolLevel> levels,
                      Set<Language> languages, int capacity, List<Availability.Window> weekly) {}

    private static List<Availability.Window> on(String from, String to, DayOfWeek... days) {
        List<Availability.Window> windows = new ArrayList<>();
        for (DayOfWeek d : days) {
            windows.add(new Availability.Window(d, LocalTime.parse(from), LocalTime.parse(to)));
        }
        return windows;
    }

    private static List<Availability.Window> join(List<Availability.Window> a, List<Availability.Window> b) {
        List<Availability.Window> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static final DayOfWeek[] WEEKDAYS = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};

    /** The demo mentor (Seeder.DEMO_USERS) first; the others are created here. */
    static final List<SeedMentor> MENTORS = List.of(
            new SeedMentor("mentor@seoul-learn.local", "이서연", "seoul", "서울대학교",
                    Set.of(MentoringSubject.MATH, MentoringSubject.STUDY_HABITS, MentoringSubject.COLLEGE_ADMISSION),
                    Set.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH), Set.of(Language.KO, Language.EN), 4,
                    join(on("18:00", "21:00", WEEKDAYS), on("10:00", "13:00", DayOfWeek.SATURDAY))),
            new SeedMentor("mentor.vi@seoul-learn.local", "Nguyễn Văn Minh", "seoul", "고려대학교",
                    Set.of(MentoringSubject.ENGLISH, MentoringSubject.MATH, MentoringSubject.CAREER),
                    Set.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH), Set.of(Language.VI, Language.KO, Language.EN), 3,
                    join(on("19:00", "22:00", DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), on("14:00", "18:00", DayOfWeek.SATURDAY))),
            new SeedMentor("mentor.zh@seoul-learn.local", "王芳", "seoul", "연세대학교",
                    Set.of(MentoringSubject.KOREAN, MentoringSubject.SCIENCE, MentoringSubject.STUDY_HABITS),
                    Set.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE), Set.of(Language.ZH, Language.KO), 4,
                    on("16:00", "19:00", DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)),
            new SeedMentor("mentor.elementary@seoul-learn.local", "최준호", "seoul", "서울교육대학교",
                    Set.of(MentoringSubject.KOREAN, MentoringSubject.MATH, MentoringSubject.STUDY_HABITS),
                    Set.of(SchoolLevel.ELEMENTARY), Set.of(Language.KO), 4, on("15:00", "18:00", WEEKDAYS)),
            new SeedMentor("mentor.career@seoul-learn.local", "정다은", "seoul", "성균관대학교",
                    Set.of(MentoringSubject.CAREER, MentoringSubject.COLLEGE_ADMISSION, MentoringSubject.SOCIAL_STUDIES),
                    Set.of(SchoolLevel.HIGH, SchoolLevel.NOT_IN_SCHOOL), Set.of(Language.KO, Language.EN), 5,
                    on("10:00", "16:00", DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)),
            new SeedMentor("mentor@chungbuk.seoul-learn.local", "오세린", "chungbuk", "충북대학교",
                    Set.of(MentoringSubject.MATH, MentoringSubject.ENGLISH, MentoringSubject.CAREER),
                    Set.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH), Set.of(Language.KO, Language.VI), 3, on("17:00", "20:00", WEEKDAYS)));

    private final DynamoDbClient dynamo;
    private final String table;
    private final CognitoIdentityProviderClient cognito;
    private final String poolId;
    private final Consumer<String> progress;
    private final Clock clock;

    MentorSeeder(DynamoDbClient dynamo, String table, CognitoIdentityProviderClient cognito, String poolId, Consumer<String> progress,
                 Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.cognito = cognito;
        this.poolId = poolId;
        this.progress = progress;
        this.clock = clock;
    }

    void seed() throws IOException {
        MentoringRulesCatalogue catalogue = MentoringStorage.rules(dynamo, table);
        List<MentoringRules> rules = rules();
        rules.forEach(catalogue::save);
        progress.accept("seeded mentoring rules " + rules.stream().map(MentoringRules::id).toList());
        MentoringLedger ledger = MentoringStorage.ledger(dynamo, table);
        ProfileRepository profiles = RegistrationStorage.profiles(dynamo, table);
        for (SeedMentor m : MENTORS) {
            String sub = user(m);
            TenantId tenant = new TenantId(m.tenant());
            profiles.createIfAbsent(new Profile(tenant, sub, m.email(), RegistrationStatus.APPROVED, m.name(),
                    m.languages().contains(Language.KO) ? Language.KO : m.languages().iterator().next(), clock.instant(), 1));
            ledger.saveMentor(new Mentor(tenant, sub, m.name(), m.university(), m.subjects(), m.levels(), m.languages(), m.capacity(), 0,
                    new Availability(m.weekly(), Set.of(), 0)));
        }
        progress.accept("seeded mentors: " + MENTORS.size());
    }

    /** The mentor's account in the mentors group (created unless it exists): their sub. */
    private String user(SeedMentor m) {
        try {
            cognito.adminCreateUser(r -> r.userPoolId(poolId).username(m.email()).messageAction("SUPPRESS")
                    .userAttributes(
                            AttributeType.builder().name("email").value(m.email()).build(),
                            AttributeType.builder().name("email_verified").value("true").build(),
                            AttributeType.builder().name("name").value(m.name()).build(),
                            AttributeType.builder().name("locale").value("ko").build(),
                            AttributeType.builder().name("custom:tenant").value(m.tenant()).build()));
            cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(m.email()).password(Seeder.DEMO_PASSWORD).permanent(true));
        } catch (UsernameExistsException e) {
            // the demo mentor (Seeder), or seeded before
        }
        cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(m.email()).groupName("mentors"));
        return Seeder.sub(cognito, poolId, m.email());
    }

    /** The mentoring rules of seed/mentoring-rules.json (effective-dated data, docs/product.md). */
    @SuppressWarnings("unchecked")
    static List<MentoringRules> rules() throws IOException {
        try (var in = MentorSeeder.class.getResourceAsStream("/seed/mentoring-rules.json")) {
            return com.fasterxml.jackson.jr.ob.JSON.std.listFrom(in).stream()
                    .map(o -> MentoringRulesJson.fromMap((Map<String, Object>) o)).toList();
        }
    }
}
