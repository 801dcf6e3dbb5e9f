package io.irready.securityhub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/**
 * Splits findings into {@code BatchImportFindings} requests within the API's limits: at most 100
 * findings per request, and at most 240 KB of them (the API rejects requests over 240 KB).
 */
public final class AsffBatches {
    public static final int MAX_FINDINGS = 100;
    public static final int MAX_BYTES = 240 * 1024;
    /** Room for the request's own envelope ({@code {"Findings":[…]}} and separators). */
    private static final int ENVELOPE_BYTES = 64;

    private AsffBatches() {
    }

    public static List<List<AwsSecurityFinding>> split(List<AwsSecurityFinding> findings) {
        return split(findings, MAX_FINDINGS, MAX_BYTES);
    }

    static List<List<AwsSecurityFinding>> split(List<AwsSecurityFinding> findings, int maxFindings, int maxBytes) {
        List<List<AwsSecurityFinding>> batches = new ArrayList<>();
        List<AwsSecurityFinding> current = new ArrayList<>();
        int bytes = ENVELOPE_BYTES;
        for (AwsSecurityFinding f : findings) {
            int size = size(f) + 1;
            if (!current.isEmpty() && (current.size() == maxFindings || bytes + size > maxBytes)) {
                batches.add(List.copyOf(current));
                current.clear();
                bytes = ENVELOPE_BYTES;
            }
            current.add(f);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }

    /** The finding's size on the wire, as UTF-8 JSON. */
    static int size(AwsSecurityFinding finding) {
        return SdkJson.toJson(finding).toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
