package kr.seoullearn.registration.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types an applicant may upload (docs/product.md: PDF, JPEG or PNG), each with the bytes
 * its files begin with. The declared type is bound into the presigned URL; the first bytes of
 * what arrived must match it.
 */
public enum DocumentContentType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** How many leading bytes {@link #matches} needs: the longest signature. */
    public static final int SIGNATURE_LENGTH = 8;

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    DocumentContentType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The media type exactly as the API takes it ("application/pdf"); anything else is empty. */
    public static Optional<DocumentContentType> fromMediaType(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        for (DocumentContentType type : values()) {
            if (type.mediaType.equals(s)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Whether a file's first bytes are this type's signature. */
    public boolean matches(byte[] head) {
        return head != null && head.length >= signature.length
                && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    /** The type whose signature the bytes start with, if any. */
    public static Optional<DocumentContentType> detect(byte[] head) {
        for (DocumentContentType type : values()) {
            if (type.matches(head)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
