package kr.seoullearn.notifications.domain;

import java.util.Locale;
import java.util.Optional;

/** How a notice reaches a person besides the in-app inbox (which always holds it). */
public enum Channel {
    EMAIL,
    SMS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> parse(String code) {
        for (Channel c : values()) {
            if (c.code().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
