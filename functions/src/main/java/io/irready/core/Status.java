package io.irready.core;

/** The four outcomes of evaluating a check against one resource. */
public enum Status {
    /** The evidence an investigator needs is being collected. */
    PASS,
    /** It is not: an investigation would be missing evidence. */
    FAIL,
    /**
     * irready could not tell (access denied, throttled past retries, timeout, a 5xx).
     * Never reported as PASS: a blind auditor is itself a finding.
     */
    ERROR,
    /** The check does not apply to this resource (stopped instance, bucket owned elsewhere …), with a reason. */
    NOT_APPLICABLE;

    /** True for the states that hold an investigation back (the sparse "open findings" index holds only these). */
    public boolean isOpen() {
        return this == FAIL || this == ERROR;
    }
}
