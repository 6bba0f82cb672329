package kr.seoullearn.functions.reports;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of a CSV on their way to an {@link ExportStorage.Upload}: held until they make a
 * part of {@code partBytes}, then sent and forgotten. At most one part and one line are in
 * memory at any time, however long the export ({@link #mostHeld()} says how much it came to).
 */
final class CsvParts extends OutputStream {
    private final ExportStorage.Upload upload;
    private final int partBytes;
    private byte[] buffer;
    private int size;
    private int parts;
    private long total;
    private int mostHeld;

    CsvParts(ExportStorage.Upload upload, int partBytes) {
        this.upload = upload;
        this.partBytes = partBytes;
        this.buffer = new byte[Math.min(partBytes + 64 * 1024, 1024 * 1024)];
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size + length, Math.min(buffer.length * 2, partBytes + 64 * 1024)));
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        total += length;
        mostHeld = Math.max(mostHeld, buffer.length);
        if (size >= partBytes) {
            send();
        }
    }

    /** Sends what is left as the last part (an empty export still makes one, empty, part) and completes. */
    @Override
    public void close() {
        if (size > 0 || parts == 0) {
            send();
        }
        upload.complete();
    }

    private void send() {
        upload.part(buffer, size);
        parts++;
        size = 0;
    }

    int parts() {
        return parts;
    }

    long total() {
        return total;
    }

    /** The largest buffer this export needed, in bytes: a part and one line at most. */
    int mostHeld() {
        return mostHeld;
    }
}
