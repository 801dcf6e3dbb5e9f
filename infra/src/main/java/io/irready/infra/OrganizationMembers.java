package io.irready.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.cloudformation.CfnStackSet;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The member side of organization mode, deployed from the central account by two SERVICE_MANAGED StackSets with
 * automatic deployment (accounts joining the target OUs get the stacks, leaving ones lose them): the
 * {@value MemberStacks#GLOBAL} stack in the home region only (IAM is global), and the {@value MemberStacks#REGIONAL}
 * stack in every watched region.
 *
 * <p>The member templates come from this same app: they are synthesized first, in an app of their own with a
 * bootstrapless synthesizer (members have no CDK bootstrap and the stacks have no assets), and each template
 * becomes a file asset of the central stack, so the StackSet's TemplateURL points at the central account's asset
 * bucket rather than an inline body capped at 51,200 bytes. Their parameters are tokens of the central stack.
 */
final class OrganizationMembers extends Construct {
    /** StackSets start a failing operation over once this share of accounts per region failed. */
    static final int FAILURE_TOLERANCE_PERCENT = 10;
    /** How many accounts per region CloudFormation deploys to at once. */
    static final int MAX_CONCURRENT_PERCENT = 25;

    private final Map<String, Stack> memberStacks;
    private final CfnStackSet global;
    private final CfnStackSet regional;

    OrganizationMembers(Construct scope, String id, OrganizationSettings org, ReadinessAuditor auditor,
                        String roleName, SortedSet<String> readOnlyActions, List<Map<String, Object>> patterns,
                        List<String> watchedRegions) {
        super(scope, id);
        Stack central = Stack.of(this);
        Templates templates = synthesize(roleName, readOnlyActions, patterns);
        this.memberStacks = templates.stacks();
        Asset globalTemplate = Asset.Builder.create(this, "GlobalTemplate").path(templates.global().toString()).build();
        Asset regionalTemplate = Asset.Builder.create(this, "RegionalTemplate").path(templates.regional().toString())
                .build();
        this.global = stackSet("GlobalStackSet", central.getStackName() + "-member-global", org,
                globalTemplate.getHttpUrl(), List.of(central.getRegion()),
                "irready member audit role (home region " + central.getRegion() + " only: IAM is global)",
                Map.of(MemberStacks.CENTRAL_ACCOUNT_ID, Aws.ACCOUNT_ID,
                        MemberStacks.ORGANIZATION_ID, org.organizationId(),
                        MemberStacks.EVENT_FUNCTION_ROLE_ARN, auditor.eventFunction().getRole().getRoleArn(),
                        MemberStacks.SWEEP_FUNCTION_ROLE_ARN, auditor.sweepFunction().getRole().getRoleArn()));
        this.regional = stackSet("RegionalStackSet", central.getStackName() + "-member-regional", org,
                regionalTemplate.getHttpUrl(), watchedRegions,
                "irready member event forwarding to " + central.getRegion() + " (every watched region)",
                Map.of(MemberStacks.CENTRAL_ACCOUNT_ID, Aws.ACCOUNT_ID,
                        MemberStacks.HOME_REGION, central.getRegion()));
    }

    /** The two member stacks, as an app of their own, for StackSets (env-agnostic, no bootstrap). */
    private static Templates synthesize(String roleName, SortedSet<String> readOnlyActions,
                                        List<Map<String, Object>> patterns) {
        Path outdir;
        try {
            outdir = Files.createTempDirectory("irready-member-templates");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the member templates", e);
        }
        App members = new App(AppProps.builder().outdir(outdir.toString()).analyticsReporting(false).build());
        Map<String, Stack> stacks = new LinkedHashMap<>();
        stacks.put(MemberStacks.GLOBAL, MemberStacks.global(members, MemberStacks.GLOBAL,
                memberProps("irready member: read-only audit role for the central account"), roleName,
                readOnlyActions));
        stacks.put(MemberStacks.REGIONAL, MemberStacks.regional(members, MemberStacks.REGIONAL,
                memberProps("irready member: forwards routed CloudTrail events to the central account"), patterns));
        Aspects.of(members).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        CloudAssembly assembly = members.synth();
        return new Templates(
                Path.of(assembly.getStackByName(MemberStacks.GLOBAL).getTemplateFullPath()),
                Path.of(assembly.getStackByName(MemberStacks.REGIONAL).getTemplateFullPath()),
                stacks);
    }

    /** Props of a member stack: no bootstrap roles or assets, no CDK metadata resource. */
    static StackProps memberProps(String description) {
        return StackProps.builder()
                .synthesizer(new BootstraplessSynthesizer())
                .analyticsReporting(false)
                .description(description)
                .build();
    }

    private record Templates(Path global, Path regional, Map<String, Stack> stacks) {
    }

    private CfnStackSet stackSet(String id, String name, OrganizationSettings org, String templateUrl,
                                 List<String> regions, String description, Map<String, String> parameters) {
        return CfnStackSet.Builder.create(this, id)
                .stackSetName(name)
                .description(description)
                .permissionModel("SERVICE_MANAGED")
                .callAs(org.callAs())
                .autoDeployment(CfnStackSet.AutoDeploymentProperty.builder()
                        .enabled(true)
                        .retainStacksOnAccountRemoval(false)
                        .build())
                .managedExecution(Map.of("Active", true))
                .capabilities(List.of("CAPABILITY_NAMED_IAM"))
                .operationPreferences(CfnStackSet.OperationPreferencesProperty.builder()
                        .failureTolerancePercentage(FAILURE_TOLERANCE_PERCENT)
                        .maxConcurrentPercentage(MAX_CONCURRENT_PERCENT)
                        .regionConcurrencyType("PARALLEL")
                        .build())
                .templateUrl(templateUrl)
                .parameters(parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(p -> (Object) CfnStackSet.ParameterProperty.builder()
                                .parameterKey(p.getKey()).parameterValue(p.getValue()).build())
                        .toList())
                .stackInstancesGroup(List.of(CfnStackSet.StackInstancesProperty.builder()
                        .deploymentTargets(CfnStackSet.DeploymentTargetsProperty.builder()
                                .organizationalUnitIds(org.deploymentTargets())
                                .build())
                        .regions(regions)
                        .build()))
                .build();
    }

    /** The member stacks synthesized for the StackSets (for tests and cdk-nag). */
    Map<String, Stack> memberStacks() {
        return memberStacks;
    }

    CfnStackSet globalStackSet() {
        return global;
    }

    CfnStackSet regionalStackSet() {
        return regional;
    }
}
