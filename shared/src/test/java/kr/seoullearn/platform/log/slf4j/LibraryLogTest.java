package kr.seoullearn.platform.log.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kr.seoullearn.platform.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LibraryLogTest {
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Log.redirect(new PrintStream(lines, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        Log.redirect(System.out);
    }

    private String logged() {
        return lines.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slf4jFindsOurProviderSoNoNoProvidersNoticeAndLibraryLoggersAreOurs() {
        assertThat(LoggerFactory.getLogger("software.amazon.awssdk.core.Test")).isInstanceOf(LibraryLog.class);
    }

    @Test
    void aLibrarysWarningBecomesOneJsonLineWithTheLibrarysNameAndTheExceptionsClassOnly() {
        Logger sdk = LoggerFactory.getLogger("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient");
        sdk.warn("Retrying request {} after {} ms", "GetItem", 20, new IllegalStateException("key T#seoul#PERSON#someone@example.kr"));

        String line = logged().trim();
        assertThat(line).startsWith("{").endsWith("}").doesNotContain("\n");
        assertThat(line).contains("\"level\":\"WARN\"", "\"logger\":\"LibraryLog\"", "\"message\":\"library warning\"",
                "\"library\":\"software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient\"",
                "\"detail\":\"Retrying request GetItem after 20 ms\"", "\"exception\":\"java.lang.IllegalStateException\"");
        assertThat(line).as("the exception's own text is never written").doesNotContain("someone@example.kr");
    }

    @Test
    void errorsAreKeptDebugAndInfoAreDropped() {
        Logger micronaut = LoggerFactory.getLogger("io.micronaut.context.DefaultBeanContext");
        micronaut.debug("bean {} created", "x");
        micronaut.info("context started");
        micronaut.trace("t");
        assertThat(logged()).isEmpty();
        micronaut.error("could not start");
        assertThat(logged()).contains("\"level\":\"ERROR\"", "\"detail\":\"could not start\"");
    }

    @Test
    void aLongMessageIsCut() {
        LoggerFactory.getLogger("lib").warn("x".repeat(5000));
        assertThat(logged()).contains("x".repeat(LibraryLog.MAX_MESSAGE) + "…").doesNotContain("x".repeat(LibraryLog.MAX_MESSAGE + 1));
    }
}
