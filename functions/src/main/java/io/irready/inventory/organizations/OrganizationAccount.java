package io.irready.inventory.organizations;

/**
 * One member account as Organizations lists it.
 *
 * @param id    the 12-digit account id
 * @param name  the account's name in the organization
 * @param state {@code ACTIVE}, {@code SUSPENDED}, {@code PENDING_CLOSURE}, … ({@code State}, else the older {@code Status})
 */
public record OrganizationAccount(String id, String name, String state) {
    public boolean active() {
        return "ACTIVE".equals(state);
    }
}
