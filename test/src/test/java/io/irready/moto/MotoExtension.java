package io.irready.moto;

import io.irready.inventory.AwsClients;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a running {@link MotoServer}, emptied before each test. Use it as
 * {@code @RegisterExtension static final MotoExtension MOTO = new MotoExtension();}.
 *
 * <p>One server serves the whole test run (moto takes seconds to start): it is kept in the root
 * context's store, which closes it when the run ends. Without {@code moto_server} on PATH the class
 * is skipped with the install command; CI checks for it before running tests, so there it cannot be
 * skipped silently.
 */
public final class MotoExtension implements BeforeAllCallback, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    private MotoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (MotoServer.executable().isPresent()) {
            server = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(MotoServer.class, k -> MotoServer.start(), MotoServer.class);
        }
    }

    /** Skips each test rather than the class: Surefire counts skipped tests but hides a skipped class. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(server != null, () -> MotoServer.EXECUTABLE
                + " is not on PATH, so the moto conformance tests are skipped; install it with: "
                + MotoServer.INSTALL_HINT);
        server.reset();
    }

    public MotoServer server() {
        return server;
    }

    /** Clients aimed at the server (see {@link MotoServer#clients()}). */
    public AwsClients clients() {
        return server.clients();
    }
}
