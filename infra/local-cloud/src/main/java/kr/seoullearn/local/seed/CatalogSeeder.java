package kr.seoullearn.local.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.catalog.port.CatalogSeeding;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.domain.WordCounts;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seeds the catalogue: the launch providers and their seats per tenant (seed/providers.json),
 * and a generated catalogue of courses ({@link CatalogGenerator}) with its search index,
 * written with BatchWriteItem. Idempotent: a marker item {@code CAT#META / SEED} records the
 * catalogue written, and the same catalogue is not written twice.
 */
public final class CatalogSeeder {
    /** Courses the local cloud seeds unless LOCAL_CLOUD_CATALOGUE_SIZE says otherwise (docs/adr/0008). */
    public static final int DEFAULT_SIZE = 200;
    /** Catalogues up to this size are written before the gateway opens; larger ones after, in the background. */
    public static final int FOREGROUND_MAX = 2_000;
    static final String META = "CAT#META";

    /** What seed/providers.json holds. */
    public record LaunchData(List<Provider> providers, List<ProviderSeats> seats) {}

    /** What a seeding run wrote. */
    public record Written(int courses, int items, long millis, boolean skipped) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final CatalogSeeding catalogue;

    public CatalogSeeder(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.catalogue = CatalogStorage.seeding(dynamo, table);
    }

    /** The catalogue size asked for in the environment (LOCAL_CLOUD_CATALOGUE_SIZE), or the default. */
    public static int sizeFrom(Map<String, String> env) {
        String value = env.get("LOCAL_CLOUD_CATALOGUE_SIZE");
        if (value == null || value.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 0 && size <= 1_000_000) {
                return size;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("LOCAL_CLOUD_CATALOGUE_SIZE must be a number of courses from 0 to 1000000, not " + value);
    }

    /**
     * The local cloud's catalogue: providers and seats now; the courses now too when there are at
     * most {@link #FOREGROUND_MAX} of them, else in the background once the returned task runs
     * (after the gateway is up), with a progress line per tenth and a last line when done.
     */
    public static Runnable seedForLocalCloud(LocalAws aws, String table, Map<String, String> env, Consumer<String> progress) {
        int size = sizeFrom(env);
        List<Provider> providers;
        try (DynamoDbClient dynamo = aws.dynamoDb()) {
            CatalogSeeder seeder = new CatalogSeeder(dynamo, table);
            LaunchData data = seeder.seedProviders();
            providers = data.providers();
            progress.accept("seeded providers " + providers.stream().map(Provider::id).toList() + " and their seats in "
                    + data.seats().stream().map(s -> s.tenant().value()).distinct().toList());
            if (size <= FOREGROUND_MAX) {
                Written w = seeder.seedCourses(providers, size, CatalogGenerator.DEFAULT_SEED, line -> { });
                progress.accept(summary(w) + " (LOCAL_CLOUD_CATALOGUE_SIZE=" + size + ")");
                return () -> { };
            }
        }
        progress.accept("catalogue: " + String.format("%,d", size) + " courses will be written in the background once the gateway is up");
        return () -> {
            Thread seeding = new Thread(() -> {
                try (DynamoDbClient dynamo = aws.dynamoDb()) {
                    Written w = new CatalogSeeder(dynamo, table).seedCourses(providers, size, CatalogGenerator.DEFAULT_SEED, progress);
                    progress.accept("catalogue ready: " + summary(w));
                } catch (RuntimeException e) {
                    progress.accept("catalogue seeding failed: " + e);
                }
            }, "catalogue-seeder");
            seeding.setDaemon(true);
            seeding.start();
        };
    }

    static String summary(Written w) {
        return w.skipped()
                ? String.format("catalogue of %,d courses already seeded", w.courses())
                : String.format("seeded a catalogue of %,d courses (%,d items) in %.1f s", w.courses(), w.items(), w.millis() / 1000.0);
    }

    /** Providers and their seats (quick: one write each; seats already in use are kept). */
    public LaunchData seedProviders() {
        LaunchData data = launchData();
        data.providers().forEach(catalogue::saveProvider);
        data.seats().forEach(catalogue::saveSeats);
        return data;
    }

    /** Generates {@code size} courses and writes them with their index, unless this catalogue is already there. */
    public Written seedCourses(List<Provider> providers, int size, long seed, Consumer<String> progress) {
        var marker = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(markerKey())).item();
        if (marker != null && !marker.isEmpty() && marker.get("size").n().equals(Integer.toString(size))
                && marker.get("seed").n().equals(Long.toString(seed))) {
            return new Written(size, Integer.parseInt(marker.get("items").n()), 0, true);
        }
        long started = System.nanoTime();
        List<Course> courses = CatalogGenerator.generate(providers, size, seed);
        int chunk = Math.max(250, size / 10);
        int items = 0;
        for (int from = 0; from < courses.size(); from += chunk) {
            List<Course> part = courses.subList(from, Math.min(courses.size(), from + chunk));
            for (Course c : part) {
                items += CatalogStorage.indexItems(c);
            }
            catalogue.putCourses(part);
            progress.accept(String.format("catalogue: %,d of %,d courses written (%,d items, %.1f s)",
                    from + part.size(), size, items, (System.nanoTime() - started) / 1e9));
        }
        Map<String, Map<SchoolLevel, Integer>> counts = WordCounts.of(courses);
        catalogue.putWordCounts(counts);
        items += counts.size();
        int total = items;
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(META), Keys.SK, AttributeValue.fromS("SEED"),
                "type", AttributeValue.fromS("CATALOGUE_SEED"),
                "size", AttributeValue.fromN(Integer.toString(size)), "seed", AttributeValue.fromN(Long.toString(seed)),
                "items", AttributeValue.fromN(Integer.toString(total)), "seededAt", AttributeValue.fromS(Instant.now().toString()))));
        return new Written(size, total, (System.nanoTime() - started) / 1_000_000, false);
    }

    private static Map<String, AttributeValue> markerKey() {
        return Map.of(Keys.PK, AttributeValue.fromS(META), Keys.SK, AttributeValue.fromS("SEED"));
    }

    /** The launch providers and seats of seed/providers.json. */
    @SuppressWarnings("unchecked")
    public static LaunchData launchData() {
        Map<String, Object> json;
        try (InputStream in = CatalogSeeder.class.getResourceAsStream("/seed/providers.json")) {
            json = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Provider> providers = ((List<Map<String, Object>>) json.get("providers")).stream()
                .map(p -> new Provider((String) p.get("id"), (String) p.get("nameKo"), (String) p.get("nameEn"),
                        ((List<String>) p.get("levels")).stream().map(SchoolLevel::valueOf).toList(),
                        (String) p.get("accessUrlTemplate"), Provider.Status.valueOf((String) p.get("status")),
                        p.get("graceUntil") == null ? null : LocalDate.parse((String) p.get("graceUntil"))))
                .toList();
        List<ProviderSeats> seats = ((Map<String, Map<String, Number>>) json.get("seats")).entrySet().stream()
                .flatMap(t -> t.getValue().entrySet().stream()
                        .map(s -> new ProviderSeats(new TenantId(t.getKey()), s.getKey(), s.getValue().intValue(), 0)))
                .toList();
        return new LaunchData(providers, seats);
    }
}
