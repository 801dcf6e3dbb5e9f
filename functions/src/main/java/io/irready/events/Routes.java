package io.irready.events;

import io.irready.core.CheckMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a check's routes with named steps, e.g.
 * <pre>{@code
 * Routes.forCheck(METADATA)
 *     .on("aws.guardduty", "DeleteDetector", "UpdateDetector").disablesEvidence()
 *         .because("deleting or suspending the detector stops its findings")
 *     .on("aws.guardduty", "CreateDetector").because("a new detector may restore them")
 *     .build();
 * }</pre>
 * Each {@code on(…)} starts a route; the steps after it shape that route. The judged resource kinds
 * come from the check's metadata, so a route cannot disagree with the findings it re-evaluates.
 */
public final class Routes {
    private Routes() {
    }

    /** Routes for {@code check}; the kinds it judges are among {@code kinds} (the common ones by default). */
    public static Builder forCheck(CheckMetadata check, ResourceKind... ownKinds) {
        return new Builder(check, List.of(ownKinds));
    }

    /** The kinds irready knows everywhere (a check's own kinds come on top). */
    static final List<ResourceKind> COMMON_KINDS = List.of(ResourceKind.TRAIL, ResourceKind.BUCKET,
            ResourceKind.KMS_KEY, ResourceKind.VPC, ResourceKind.INSTANCE, ResourceKind.FUNCTION,
            ResourceKind.DISTRIBUTION, ResourceKind.DB_INSTANCE, ResourceKind.DB_CLUSTER, ResourceKind.LOG_GROUP,
            ResourceKind.ROLE);

    public static final class Builder {
        private final CheckMetadata check;
        private final Set<ResourceKind> judged = new LinkedHashSet<>();
        private final List<Route> built = new ArrayList<>();
        private Draft draft;

        private Builder(CheckMetadata check, List<ResourceKind> ownKinds) {
            this.check = Objects.requireNonNull(check, "check");
            List<ResourceKind> kinds = new ArrayList<>(COMMON_KINDS);
            kinds.addAll(ownKinds);
            kinds.stream().filter(k -> k.isJudgedBy(check)).forEach(judged::add);
        }

        /**
         * Starts a route: these calls of {@code source} (e.g. {@code aws.kms}) can change the verdict ({@link
         * #serviceEvent()} when they are what AWS does by itself).
         */
        public Builder on(String source, String... eventNames) {
            finish();
            draft = new Draft(source, List.of(eventNames));
            return this;
        }

        /** Where the event names resources (e.g. {@link Extractors#KEY_ID}). */
        public Builder naming(List<Extractor> extractors) {
            current().extractors.addAll(extractors);
            return this;
        }

        public Builder naming(Extractor... extractors) {
            return naming(Arrays.asList(extractors));
        }

        /** A failed call (errorCode) on this route is a tamper attempt. */
        public Builder disablesEvidence() {
            current().disablesEvidence = true;
            return this;
        }

        /** The service is eventually consistent: evaluate once more about two minutes later. */
        public Builder delayedRecheck() {
            current().delayedRecheck = true;
            return this;
        }

        /** Re-evaluate in every region the deployment covers, not only the event's. */
        public Builder everyRegion() {
            current().everyRegion = true;
            return this;
        }

        /** Match only events that name one of irready's own resources of {@code kind}. */
        public Builder onlyOwn(ResourceKind kind) {
            current().ownOnly = kind;
            return this;
        }

        /** Hand role names the event names to the check ({@link CheckTarget#roleNames}). */
        public Builder passesRoleNames() {
            current().passesRoleNames = true;
            return this;
        }

        /**
         * The names are service events: what AWS does by itself and reports as
         * {@link CloudTrailEvent#SERVICE_EVENT_DETAIL_TYPE} (KMS {@code DeleteKey} when a
         * scheduled deletion completes), not calls someone makes.
         */
        public Builder serviceEvent() {
            current().detailType = CloudTrailEvent.SERVICE_EVENT_DETAIL_TYPE;
            return this;
        }

        /**
         * Apply only when the event names a resource through this route's extractors: for calls that can be made
         * without naming one (RetireGrant with a grant token), where re-evaluating the whole region would re-judge
         * every resource for a change to at most one.
         */
        public Builder onlyWhenNamed() {
            current().onlyWhenNamed = true;
            return this;
        }

        /** How these calls can change the verdict (required: docs/ROUTING.md lists it). */
        public Builder because(String why) {
            current().why = why;
            return this;
        }

        public List<Route> build() {
            finish();
            if (built.isEmpty()) {
                throw new IllegalStateException(check.id() + ": no route declared");
            }
            return List.copyOf(built);
        }

        private Draft current() {
            if (draft == null) {
                throw new IllegalStateException(check.id() + ": start a route with on(source, names…) first");
            }
            return draft;
        }

        private void finish() {
            if (draft != null) {
                built.add(new Route(draft.source, draft.source.substring("aws.".length()) + ".amazonaws.com",
                        draft.names, check.id(), judged, draft.extractors, draft.passesRoleNames,
                        draft.delayedRecheck, draft.disablesEvidence, Optional.ofNullable(draft.ownOnly),
                        draft.everyRegion, draft.why, draft.detailType, draft.onlyWhenNamed));
                draft = null;
            }
        }
    }

    private static final class Draft {
        final String source;
        final List<String> names;
        final List<Extractor> extractors = new ArrayList<>();
        boolean disablesEvidence;
        boolean delayedRecheck;
        boolean everyRegion;
        boolean passesRoleNames;
        ResourceKind ownOnly;
        String why;
        String detailType = CloudTrailEvent.DETAIL_TYPE;
        boolean onlyWhenNamed;

        Draft(String source, List<String> names) {
            this.source = source;
            this.names = names;
        }
    }
}
