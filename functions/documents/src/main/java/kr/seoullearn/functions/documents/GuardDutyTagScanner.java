package kr.seoullearn.functions.documents;

import kr.seoullearn.platform.log.Log;

/**
 * Reads the tag GuardDuty Malware Protection for S3 writes on a scanned object
 * ({@code GuardDutyMalwareScanStatus}, the plan in template.yaml has tagging enabled):
 * NO_THREATS_FOUND is clean, THREATS_FOUND infected; no tag yet means the scan is pending.
 * UNSUPPORTED, ACCESS_DENIED and FAILED are not a clean result either: they stay pending (the
 * document is never shown to a reviewer) and are logged for an operator.
 */
public final class GuardDutyTagScanner implements MalwareScanner {
    static final String TAG = "GuardDutyMalwareScanStatus";
    private static final Log LOG = Log.of(GuardDutyTagScanner.class);

    private final DocumentStorage storage;

    public GuardDutyTagScanner(DocumentStorage storage) {
        this.storage = storage;
    }

    @Override
    public Verdict scan(String key, String versionId) {
        String status = storage.tags(key, versionId).get(TAG);
        if (status == null) {
            return Verdict.PENDING;
        }
        return switch (status) {
            case "NO_THREATS_FOUND" -> Verdict.CLEAN;
            case "THREATS_FOUND" -> Verdict.INFECTED;
            default -> {
                LOG.warn("malware scan without a result", "scanStatus", status);
                yield Verdict.PENDING;
            }
        };
    }
}
