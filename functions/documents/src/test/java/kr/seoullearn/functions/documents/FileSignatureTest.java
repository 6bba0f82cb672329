package kr.seoullearn.functions.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kr.seoullearn.registration.domain.DocumentContentType;
import org.junit.jupiter.api.Test;

/** The first bytes of a file must be its declared type's signature (magic bytes). */
class FileSignatureTest {
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Test
    void eachTypeRecognisesItsOwnSignature() {
        // GIVEN the first bytes of a real PDF, JPEG and PNG
        // WHEN / THEN each matches its declared type and no other
        assertThat(DocumentContentType.PDF.matches(PDF)).isTrue();
        assertThat(DocumentContentType.JPEG.matches(JPEG)).isTrue();
        assertThat(DocumentContentType.PNG.matches(PNG)).isTrue();
        assertThat(DocumentContentType.PDF.matches(PNG)).isFalse();
        assertThat(DocumentContentType.JPEG.matches(PDF)).isFalse();
        assertThat(DocumentContentType.PNG.matches(JPEG)).isFalse();
    }

    @Test
    void aTextFileRenamedToPdfIsNotAPdf() {
        // GIVEN a text file whose name says .pdf
        byte[] text = "Hello, this is not a PDF at all".getBytes(StandardCharsets.UTF_8);
        // THEN its bytes match no allowed type
        assertThat(DocumentContentType.PDF.matches(text)).isFalse();
        assertThat(DocumentContentType.detect(text)).isEmpty();
    }

    @Test
    void filesShorterThanTheSignatureNeverMatch() {
        assertThat(DocumentContentType.PDF.matches("%PD".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(DocumentContentType.PNG.matches(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isFalse();
        assertThat(DocumentContentType.JPEG.matches(new byte[0])).isFalse();
        assertThat(DocumentContentType.JPEG.matches(null)).isFalse();
    }

    @Test
    void almostSignaturesAreRefused() {
        // GIVEN a PNG whose line-ending bytes were mangled by a text transfer (CRLF → LF)
        byte[] mangled = {(byte) 0x89, 'P', 'N', 'G', 0x0A, 0x1A, 0x0A, 0};
        assertThat(DocumentContentType.PNG.matches(mangled)).isFalse();
        // and "%PDF" without the dash
        assertThat(DocumentContentType.PDF.matches("%PDF1.4".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void detectNamesTheTypeTheBytesAre() {
        assertThat(DocumentContentType.detect(PDF)).contains(DocumentContentType.PDF);
        assertThat(DocumentContentType.detect(JPEG)).contains(DocumentContentType.JPEG);
        assertThat(DocumentContentType.detect(PNG)).contains(DocumentContentType.PNG);
    }

    @Test
    void onlyTheThreeMediaTypesAreAllowedExactly() {
        assertThat(DocumentContentType.fromMediaType("application/pdf")).contains(DocumentContentType.PDF);
        assertThat(DocumentContentType.fromMediaType("image/jpeg")).contains(DocumentContentType.JPEG);
        assertThat(DocumentContentType.fromMediaType("image/png")).contains(DocumentContentType.PNG);
        assertThat(DocumentContentType.fromMediaType("image/jpg")).isEmpty();
        assertThat(DocumentContentType.fromMediaType("APPLICATION/PDF")).isEmpty();
        assertThat(DocumentContentType.fromMediaType("text/plain")).isEmpty();
        assertThat(DocumentContentType.fromMediaType(42)).isEmpty();
    }
}
