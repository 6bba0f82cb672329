package kr.seoullearn.platform.http;

/**
 * A reason to refuse a request, as the client sees it: a stable code (the contract with the web
 * app, the OpenAPI description and the message files {@code i18n/problems_*.properties}) and an
 * HTTP status. Each context keeps its own refusals in an enum implementing this; {@link Problem}
 * holds only the ones every context shares (bad bodies, identity, availability).
 */
public interface Refusal {
    String code();

    int status();
}
