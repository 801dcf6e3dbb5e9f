package io.irready.checks.irready;

import io.irready.core.AwsCallFailedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the parts of one watched region found: broken parts (each a phrase for the FAIL reason), intact ones
 * (for the PASS reason) and reads that failed. Every broken part is listed, so one alert tells the whole story.
 */
public final class IntegrityReport {
    private final List<String> broken = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> intact = new ArrayList<>();
    private final Set<String> invokedFunctions = new LinkedHashSet<>();

    public void broken(String phrase) {
        broken.add(phrase);
    }

    public void intact(String phrase) {
        intact.add(phrase);
    }

    /** Runs one read-and-judge step; a failed AWS call is recorded as "could not check", never as intact. */
    public void probe(Runnable step) {
        try {
            step.run();
        } catch (AwsCallFailedException e) {
            errors.add(e.getMessage());
        }
    }

    /** Functions some intact rule invokes (the rules part runs first), whose invoke permission then matters. */
    Set<String> invokedFunctions() {
        return invokedFunctions;
    }

    public List<String> brokenParts() {
        return List.copyOf(broken);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public List<String> intactParts() {
        return List.copyOf(intact);
    }
}
