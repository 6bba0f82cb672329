package kr.seoullearn.local.seed;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kr.seoullearn.local.auth.CognitoTriggers;
import kr.seoullearn.local.auth.Totp;
import kr.seoullearn.local.template.Stack;

/**
 * What the rest of the local cloud needs of the seed: seeding a provisioned stack, the demo
 * password and tenants, and the personal values seeded (which the log privacy scan looks for).
 * The seeders themselves stay package-private.
 */
public final class SeedData {
    /** The demo users' password (README). */
    public static final String DEMO_PASSWORD = Seeder.DEMO_PASSWORD;

    private SeedData() {}

    /** Seeds the tenants, demo users, programmes, providers, mentors, officers and rules. */
    public static void seed(Stack stack, CognitoTriggers triggers, Totp totp, Consumer<String> progress, Clock clock)
            throws IOException, InterruptedException {
        new Seeder(stack, triggers, totp, progress, clock).seed();
    }

    /** The TOTP key of the seeded staff users (README). */
    public static final String STAFF_TOTP_SECRET = Seeder.STAFF_TOTP_SECRET;

    /** The seeded tenants' ids. */
    public static List<String> tenantIds() {
        return Seeder.TENANTS.stream().map(Seeder.Tenant::id).toList();
    }

    /** The e-mails and names of the demo users, officers and mentors, in seed order. */
    public static List<String> personalValues() {
        List<String> values = new ArrayList<>();
        for (Seeder.DemoUser u : Seeder.DEMO_USERS) {
            values.add(u.email());
            values.add(u.displayName());
        }
        values.add(Seeder.CATALOGUE_OPERATOR.email());
        values.add(Seeder.CATALOGUE_OPERATOR.displayName());
        values.add(Seeder.NEWCOMER);
        for (DistrictSeeder.Officer o : DistrictSeeder.OFFICERS) {
            values.add(o.user().email());
            values.add(o.user().displayName());
        }
        for (MentorSeeder.SeedMentor m : MentorSeeder.MENTORS) {
            values.add(m.email());
            values.add(m.name());
        }
        return values;
    }

    /** The partition key of the catalogue's seed marker (sort key SEED: its size, once the whole catalogue is written). */
    public static String catalogueMeta() {
        return CatalogSeeder.META;
    }
}
