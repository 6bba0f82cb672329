package kr.seoullearn.functions.documents;

import java.nio.charset.StandardCharsets;

/**
 * The local stand-in for GuardDuty (MALWARE_SCANNER=local-eicar): flags a file that contains
 * the EICAR anti-virus test string in its first {@value #WINDOW} bytes, as real scanners do;
 * everything else is clean. Never used in AWS.
 */
public final class EicarScanner implements MalwareScanner {
    /** How much of the file is read (a ranged GET). */
    static final int WINDOW = 4096;
    /** The EICAR test string, assembled so that this class file is not itself a test file. */
    static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    private final DocumentStorage storage;

    public EicarScanner(DocumentStorage storage) {
        this.storage = storage;
    }

    @Override
    public Verdict scan(String key, String versionId) {
        return contains(storage.firstBytes(key, versionId, WINDOW), EICAR) ? Verdict.INFECTED : Verdict.CLEAN;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
