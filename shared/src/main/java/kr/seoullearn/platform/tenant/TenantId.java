package kr.seoullearn.platform.tenant;

import java.util.regex.Pattern;

/**
 * The local government a record belongs to. Every key starts with it, so one tenant's data
 * can never be read through another tenant's keys. Seoul is the default tenant.
 */
public record TenantId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    public static final TenantId SEOUL = new TenantId("seoul");

    public TenantId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must match " + SHAPE.pattern());
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
