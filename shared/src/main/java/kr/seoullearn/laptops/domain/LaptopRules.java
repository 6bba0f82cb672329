package kr.seoullearn.laptops.domain;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which status changes each role may make, what each does to the district's stock, and the
 * small rules around them. Plain Java: the ledger applies the deltas inside DynamoDB.
 */
public final class LaptopRules {
    public static final int MAX_REASON_LENGTH = 300;
    public static final int MAX_UNITS_PER_CHANGE = 10_000;
    public static final int MAX_MODEL_LENGTH = 80;
    private static final Pattern UNIT_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
    public static final int MAX_EXTENSION_REASON_LENGTH = 300;
    private static final Pattern DISTRICT = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud or off a cheap phone's screen without mistakes. */
    private static final String CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final int CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LaptopRules() {}

    /** The status changes a learner makes on their own request. */
    private static final Map<LaptopStatus, Set<LaptopStatus>> LEARNER = Map.of(
            LaptopStatus.CANCELLED, EnumSet.of(LaptopStatus.REQUESTED, LaptopStatus.APPROVED, LaptopStatus.READY_FOR_PICKUP));

    /**
     * The status changes an officer of the district (or an admin of the tenant) makes; the
     * hand-over (LOANED) is the officer's, who records the unit's serial number at the desk.
     */
    private static final Map<LaptopStatus, Set<LaptopStatus>> OFFICER = Map.of(
            LaptopStatus.READY_FOR_PICKUP, EnumSet.of(LaptopStatus.APPROVED),
            LaptopStatus.LOANED, EnumSet.of(LaptopStatus.READY_FOR_PICKUP),
            LaptopStatus.REJECTED, EnumSet.of(LaptopStatus.REQUESTED, LaptopStatus.APPROVED, LaptopStatus.READY_FOR_PICKUP),
            LaptopStatus.RETURNED, EnumSet.of(LaptopStatus.LOANED));

    /** The statuses a learner may ask for (anything else is an invalid value, not a refusal). */
    public static Set<LaptopStatus> learnerTargets() {
        return LEARNER.keySet();
    }

    public static Set<LaptopStatus> officerTargets() {
        return OFFICER.keySet();
    }

    /** May {@code actor} move a request from {@code from} to {@code to}? */
    public static boolean allowed(Actor.Kind actor, LaptopStatus from, LaptopStatus to) {
        Map<LaptopStatus, Set<LaptopStatus>> rules = switch (actor) {
            case LEARNER -> LEARNER;
            case OFFICER, ADMIN -> OFFICER;
            case SYSTEM -> Map.of(LaptopStatus.APPROVED, EnumSet.of(LaptopStatus.REQUESTED));
        };
        Set<LaptopStatus> froms = rules.get(to);
        return froms != null && froms.contains(from);
    }

    /** A rejection says why; the learner reads it. */
    public static boolean needsReason(LaptopStatus to) {
        return to == LaptopStatus.REJECTED;
    }

    /**
     * What a change does to the district's counts: {inStock, reserved, loaned, waiting}.
     * Leaving the queue frees a place; giving up a reserved unit or returning a loan puts a unit
     * back on the shelf (and the queue is served after).
     */
    public static long[] stockDelta(LaptopStatus from, LaptopStatus to) {
        long[] d = new long[4];
        // leaving: a place in the queue is given up; a held unit (reserved or lent) is free again
        if (from == LaptopStatus.REQUESTED) {
            d[WAITING] -= 1;
        } else if (holdsUnit(from)) {
            d[holdingCounter(from)] -= 1;
            d[IN_STOCK] += 1;
        }
        // entering: a place in the queue is taken; a unit is taken off the shelf
        if (to == LaptopStatus.REQUESTED) {
            d[WAITING] += 1;
        } else if (holdsUnit(to)) {
            d[holdingCounter(to)] += 1;
            d[IN_STOCK] -= 1;
        }
        return d;
    }

    /** Indexes of {@link #stockDelta}'s counts. */
    public static final int IN_STOCK = 0;
    public static final int RESERVED = 1;
    public static final int LOANED = 2;
    public static final int WAITING = 3;

    private static boolean holdsUnit(LaptopStatus s) {
        return s.reserves() || s == LaptopStatus.LOANED;
    }

    private static int holdingCounter(LaptopStatus s) {
        return s == LaptopStatus.LOANED ? LOANED : RESERVED;
    }

    /**
     * A serial number or asset tag as typed at the desk: trimmed and upper-cased; letters, digits
     * and dashes, 3–40 long. Null when it is not one.
     */
    public static String unitId(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.strip().toUpperCase(java.util.Locale.ROOT);
        return UNIT_ID.matcher(s).matches() ? s : null;
    }

    public static boolean isDistrictId(String value) {
        return value != null && DISTRICT.matcher(value).matches();
    }

    public static boolean isRequestId(String value) {
        return value != null && REQUEST_ID.matcher(value).matches();
    }

    public static String pickupCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Position in the queue (1 = next to be approved) from the number of requests ahead. */
    public static int position(long ahead) {
        return (int) Math.min(Integer.MAX_VALUE, ahead + 1);
    }
}
