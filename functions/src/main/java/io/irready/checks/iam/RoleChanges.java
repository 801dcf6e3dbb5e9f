package io.irready.checks.iam;

/**
 * The IAM calls that change what a role may do: its policies, permissions boundary, trust, or the
 * default version of a managed policy it may have attached. Several checks judge what a role may do
 * (a function's execution role, the responder role), so they share this list.
 */
public final class RoleChanges {
    public static final String[] CALLS = {"AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy",
            "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary", "UpdateAssumeRolePolicy", "DeleteRole",
            "CreatePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicyVersion"};

    private RoleChanges() {
    }
}
