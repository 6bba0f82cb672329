package kr.seoullearn.figures.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.platform.tenant.TenantId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The extract's pseudonym is keyed: stable for a person under one key, unrelated under another. */
class PseudonymsTest {
    private static final byte[] KEY = "k3y-of-the-deployment-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another-deployment-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Property(tries = 200)
    void stableForAPersonAndDifferentUnderAnotherKey(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String sub) {
        TenantId tenant = new TenantId("seoul");
        Pseudonyms mine = new Pseudonyms(() -> KEY);
        String p = mine.of(tenant, sub);

        assertThat(p).matches("p[0-9a-f]{20}").doesNotContain(sub.length() > 3 ? sub : "\u0000");
        assertThat(new Pseudonyms(() -> KEY.clone()).of(tenant, sub)).as("the same key, another instance").isEqualTo(p);
        assertThat(new Pseudonyms(() -> OTHER_KEY).of(tenant, sub)).as("another key").isNotEqualTo(p);
        assertThat(mine.of(new TenantId("chungbuk"), sub)).as("another tenant").isNotEqualTo(p);
    }

    @Test
    void cannotBeRecomputedFromTenantAndAccountIdAlone() throws Exception {
        TenantId tenant = new TenantId("seoul");
        String sub = "3f1c2d9e-0000-4000-8000-00000000abcd";
        String keyed = new Pseudonyms(() -> KEY).of(tenant, sub);

        // what anyone who knows the account id could compute: the old unkeyed hash, and an HMAC
        // under an empty or guessable key
        String unkeyed = "p" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("seoul-learn-extract|seoul|" + sub).getBytes(StandardCharsets.UTF_8)), 0, 10);
        assertThat(keyed).isNotEqualTo(unkeyed);
        Set<String> guesses = new HashSet<>();
        for (String guess : new String[] {"", "seoul", sub, "seoul-learn", "seoul-learn-extract", "0000000000000000"}) {
            byte[] g = (guess + "................").getBytes(StandardCharsets.UTF_8);
            guesses.add(new Pseudonyms(() -> g).of(tenant, sub));
        }
        assertThat(guesses).doesNotContain(keyed);
    }

    @Test
    void theKeyIsAskedForOnTheFirstPseudonymOnlyAndMustBeLongEnough() {
        AtomicInteger asked = new AtomicInteger();
        Pseudonyms lazy = new Pseudonyms(() -> {
            asked.incrementAndGet();
            return KEY;
        });
        assertThat(asked).hasValue(0);
        lazy.of(new TenantId("seoul"), "a");
        assertThat(asked).hasValue(1);

        assertThatThrownBy(() -> new Pseudonyms(() -> new byte[8]).of(new TenantId("seoul"), "a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Pseudonyms(() -> KEY).of(new TenantId("seoul"), " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codeWiredByHandGetsAKeyOfItsProcess() {
        String a = Pseudonyms.ofThisProcess().of(new TenantId("seoul"), "someone");
        assertThat(Pseudonyms.ofThisProcess().of(new TenantId("seoul"), "someone")).isEqualTo(a);
        assertThat(new Pseudonyms(() -> KEY).of(new TenantId("seoul"), "someone")).isNotEqualTo(a);
    }
}
