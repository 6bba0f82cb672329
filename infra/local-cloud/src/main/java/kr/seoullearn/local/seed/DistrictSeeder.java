package kr.seoullearn.local.seed;

import kr.seoullearn.registration.dynamo.RegistrationStorage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import kr.seoullearn.laptops.dynamo.LaptopsStorage;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Laptops seed data: Seoul's 25 districts (gu) and Chungbuk's 11 cities and counties, each
 * with an opening stock of laptops (an immutable RECEIVED entry), and the district officers
 * with their districts (docs/adr/0010-laptop-queue-and-officer-districts.md). Idempotent: a
 * district seeded before keeps its counts; officers' assignments are set as listed here.
 */
final class DistrictSeeder {
    static final String MODEL = "Samsung Galaxy Book4 15.6\"";

    /** Seoul's districts with their opening stock; Gangseo-gu starts with few, so its queue shows soon. */
    static final Map<String, Integer> SEOUL = seoul();
    static final Map<String, Integer> CHUNGBUK = chungbuk();

    record Officer(Seeder.DemoUser user, Set<String> districts) {}

    static final List<Officer> OFFICERS = List.of(
            new Officer(new Seeder.DemoUser("officer@seoul-learn.local", "최유진", "seoul", "district-officers", Language.KO),
                    Set.of("nowon-gu")),
            new Officer(new Seeder.DemoUser("officer.gangseo@seoul-learn.local", "오세훈", "seoul", "district-officers", Language.KO),
                    Set.of("gangseo-gu")),
            new Officer(new Seeder.DemoUser("officer@chungbuk.seoul-learn.local", "윤보라", "chungbuk", "district-officers",
                    Language.KO), Set.of("cheongju-si")));

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Consumer<String> progress;

    DistrictSeeder(DynamoDbClient dynamo, String table, Clock clock, Consumer<String> progress) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * The districts' stock, the demo districts' serial numbers and the overdue loan: DynamoDB only,
     * so it runs beside the rest of the seed (the officers come after it, in {@link #seedOfficers}).
     */
    void seedStock() {
        LaptopLedger ledger = LaptopsStorage.ledger(dynamo, table);
        int opened = 0;
        for (var tenant : Map.of("seoul", SEOUL, "chungbuk", CHUNGBUK).entrySet()) {
            for (var district : tenant.getValue().entrySet()) {
                if (ledger.openDistrict(new TenantId(tenant.getKey()), district.getKey(), MODEL, district.getValue(), clock.instant())) {
                    opened++;
                }
            }
        }
        progress.accept("seeded laptop stock in " + (SEOUL.size() + CHUNGBUK.size()) + " districts (" + opened + " new)");
        int registered = 0;
        for (Officer o : OFFICERS) {
            TenantId tenant = new TenantId(o.user().tenant());
            Map<String, Integer> stock = o.user().tenant().equals("seoul") ? SEOUL : CHUNGBUK;
            for (String district : o.districts()) {
                registered += registerOpeningUnits(ledger, tenant, district, stock.getOrDefault(district, 0));
            }
        }
        progress.accept("registered serial numbers of the demo districts' opening stock: " + registered + " new");
        seedOverdueLoan(ledger);
    }

    /** {@code createUser}: makes (or finds) the Cognito user, in its group, and answers its sub. */
    void seedOfficers(Function<Seeder.DemoUser, String> createUser) {
        OfficerDistricts assignments = LaptopsStorage.officers(dynamo, table);
        ProfileRepository profiles = RegistrationStorage.profiles(dynamo, table);
        for (Officer o : OFFICERS) {
            String sub = createUser.apply(o.user());
            TenantId tenant = new TenantId(o.user().tenant());
            profiles.createIfAbsent(new Profile(tenant, sub, o.user().email(), RegistrationStatus.APPROVED, o.user().displayName(),
                    o.user().language(), clock.instant(), 1));
            assignments.assign(tenant, sub, o.districts());
        }
        progress.accept("seeded district officers: " + OFFICERS.size());
    }

    /**
     * The opening stock of an officer's district as units with serial numbers ({@code NOWON-GU-0001},
     * asset tag {@code SL-NOWON-GU-0001}, …), already counted in its stock. Idempotent.
     */
    private int registerOpeningUnits(LaptopLedger ledger, TenantId tenant, String district, int units) {
        int registered = 0;
        for (int i = 1; i <= units; i++) {
            String serial = String.format("%s-%04d", district.toUpperCase(java.util.Locale.ROOT), i);
            if (ledger.unit(tenant, serial).isPresent()) {
                continue;
            }
            ledger.registerUnit(new LaptopUnit(tenant, serial, "SL-" + serial, district, MODEL, LaptopUnit.Status.AVAILABLE, null,
                    clock.instant()), true, Actor.SYSTEM, clock.instant());
            registered++;
        }
        return registered;
    }

    /** A borrower with no account whose loan in Nowon-gu is 10 days overdue: the officer's overdue list is not empty. */
    static final String OVERDUE_BORROWER = "demo-overdue-borrower";
    static final String OVERDUE_SERIAL = "NOWON-GU-0040";

    private void seedOverdueLoan(LaptopLedger ledger) {
        TenantId seoul = new TenantId("seoul");
        if (ledger.latest(seoul, OVERDUE_BORROWER).isPresent()) {
            return;
        }
        java.time.Instant now = clock.instant();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Seoul")));
        java.time.Instant lent = now.minus(java.time.Duration.ofDays(375));
        var placed = ledger.request(new LaptopLedger.NewRequest(seoul, OVERDUE_BORROWER, "nowon-gu",
                java.util.UUID.randomUUID().toString(), kr.seoullearn.laptops.domain.LaptopRules.pickupCode(), null, lent));
        var officer = new Actor("seed", Actor.Kind.OFFICER);
        var ready = ledger.change(placed.request(), placed.request().version(), kr.seoullearn.laptops.domain.LaptopStatus.READY_FOR_PICKUP,
                officer, null, null, lent);
        var unit = ledger.unit(seoul, OVERDUE_SERIAL).orElseThrow();
        ledger.change(ready, ready.version(), kr.seoullearn.laptops.domain.LaptopStatus.LOANED, officer, null, today.minusDays(10),
                unit, lent);
        progress.accept("seeded an overdue laptop loan in nowon-gu (" + OVERDUE_SERIAL + ")");
    }

    private static Map<String, Integer> seoul() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[] ids = {"gangnam-gu", "gangdong-gu", "gangbuk-gu", "gangseo-gu", "gwanak-gu", "gwangjin-gu", "guro-gu",
                "geumcheon-gu", "nowon-gu", "dobong-gu", "dongdaemun-gu", "dongjak-gu", "mapo-gu", "seodaemun-gu", "seocho-gu",
                "seongdong-gu", "seongbuk-gu", "songpa-gu", "yangcheon-gu", "yeongdeungpo-gu", "yongsan-gu", "eunpyeong-gu",
                "jongno-gu", "jung-gu", "jungnang-gu"};
        for (String id : ids) {
            m.put(id, 40);
        }
        m.put("gangseo-gu", 2);
        m.put("nowon-gu", 60);
        return Map.copyOf(m);
    }

    private static Map<String, Integer> chungbuk() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String id : List.of("cheongju-si", "chungju-si", "jecheon-si", "boeun-gun", "okcheon-gun", "yeongdong-gun",
                "jeungpyeong-gun", "jincheon-gun", "goesan-gun", "eumseong-gun", "danyang-gun")) {
            m.put(id, 15);
        }
        m.put("cheongju-si", 30);
        return Map.copyOf(m);
    }
}
