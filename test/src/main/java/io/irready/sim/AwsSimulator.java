package io.irready.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated AWS account on loopback: one HTTP endpoint that answers the SDK in each service's
 * real wire format (JSON 1.0/1.1, AWS query XML, EC2 query, REST-XML, REST-JSON), dispatched on the
 * SigV4 credential scope's service name. Used by {@code irready demo}, the benchmarks and end-to-end
 * tests. It counts every call per operation, so "calls per event" and "calls per sweep" are measured.
 * An operation it does not implement answers 501 with the operation named — the code under test then
 * reports an ERROR finding, never a silent PASS.
 */
public final class AwsSimulator implements AutoCloseable {
    private final SimulatedAccount account;
    private final HttpServer server;
    private final JsonServices json;
    private final QueryServices query;
    private final Ec2Service ec2;
    private final RestServices rest;
    /** With an organization: each member's services, by account id (the home account's are the fields above). */
    private final Map<String, Services> members = new ConcurrentHashMap<>();
    private final SimulatedOrganization organization;
    private final OrganizationServices organizations;
    private final Map<String, AtomicLong> callsByAccount = new ConcurrentHashMap<>();
    private final FindingSinks sinks = new FindingSinks();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private volatile Duration slowAnswersTake = Duration.ofSeconds(30);
    private volatile Random latency;
    private volatile int latencyBoundMillis;

    public AwsSimulator(SimulatedAccount account) throws IOException {
        this(account, null);
    }

    /**
     * An organization: the management account answers irready's own credentials; a member answers the
     * credentials of a session {@code sts:AssumeRole} gave out for it.
     */
    public AwsSimulator(SimulatedOrganization organization) throws IOException {
        this(organization.management, organization);
    }

    private AwsSimulator(SimulatedAccount account, SimulatedOrganization organization) throws IOException {
        this.account = account;
        this.organization = organization;
        this.organizations = organization == null ? null : new OrganizationServices(organization);
        this.json = new JsonServices(account);
        this.query = new QueryServices(account);
        this.ec2 = new Ec2Service(account);
        this.rest = new RestServices(account);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        // room for requests that wait out a SLOW fault while the client has moved on
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "aws-simulator");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public SimulatedAccount account() {
        return account;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Calls served so far, per {@code service:Operation}, sorted. */
    public Map<String, Long> calls() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }

    /** Calls served so far per account (the one whose credentials signed them), sorted by account id. */
    public Map<String, Long> callsByAccount() {
        Map<String, Long> snapshot = new TreeMap<>();
        callsByAccount.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }

    public SimulatedOrganization organization() {
        return organization;
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void resetCalls() {
        calls.clear();
        callsByAccount.clear();
    }

    /**
     * From now on every call to {@code service} (its SigV4 signing name: {@code ec2}, {@code logs} …)
     * answers with {@code fault}; {@link #clearFaults} heals them all.
     */
    public void inject(String service, Fault fault) {
        faults.put(service, fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** How long a {@link Fault#SLOW} answer is held back. */
    public void slowAnswersTake(Duration delay) {
        slowAnswersTake = delay;
    }

    /**
     * From now on every answer is held back by a random time below {@code bound} (from {@code seed}),
     * outside the account's lock: concurrent calls overlap, as AWS's do, and finish in no particular order.
     */
    public void randomLatency(Duration bound, long seed) {
        latency = new Random(seed);
        latencyBoundMillis = (int) bound.toMillis();
    }

    /** Every SNS Publish received (form parameters: TopicArn, Message, MessageStructure, attributes). */
    public List<Map<String, String>> published() {
        return query.published();
    }

    /** Every Security Hub BatchImportFindings request body received ({@code {"Findings": [...]}}). */
    public List<JsonNode> securityHubImports() {
        return List.copyOf(sinks.imports);
    }

    /** Every EventBridge PutEvents request body received ({@code {"Entries": [...]}}). */
    public List<JsonNode> putEvents() {
        return List.copyOf(sinks.putEvents);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        URI uri = exchange.getRequestURI();
        AwsRequest request = AwsRequest.of(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
        String operation = operation(request);
        calls.computeIfAbsent(request.service() + ":" + operation, k -> new AtomicLong()).incrementAndGet();
        String caller = caller(request);
        callsByAccount.computeIfAbsent(caller, k -> new AtomicLong()).incrementAndGet();
        Random random = latency;
        if (random != null && latencyBoundMillis > 0) {
            try {
                Thread.sleep(random.nextInt(latencyBoundMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Fault fault = faults.get(request.service());
        Reply reply = fault == null ? null : faulty(request, fault);
        if (reply == null && organizations != null) {
            synchronized (organization) {
                reply = organizations.serve(request, caller);
            }
        }
        if (reply == null && !caller.equals(account.account)) {
            Services member = members.computeIfAbsent(caller, id -> new Services(organization.account(id)));
            synchronized (member.account()) {
                reply = member.dispatch(request, sinks);
            }
        } else if (reply == null) {
            synchronized (account) {
                reply = dispatch(request);
            }
        }
        if (reply == null) {
            reply = notImplemented(request, "the irready simulator does not implement " + request.service() + ":"
                    + operation);
        }
        if (fault == Fault.TRUNCATED) {
            reply = new Reply(reply.status(), reply.contentType(), reply.body().substring(0, reply.body().length() / 2));
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "sim");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.status(), head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** The account whose credentials signed the request: a member for its role sessions, else the home account. */
    private String caller(AwsRequest r) {
        java.util.regex.Matcher key = ACCESS_KEY.matcher(r.headers().getOrDefault("authorization", ""));
        if (organization != null && key.find()) {
            java.util.regex.Matcher session = OrganizationServices.SESSION_KEY.matcher(key.group(1));
            if (session.matches() && organization.accounts.containsKey(session.group(1))) {
                return session.group(1);
            }
        }
        return account.account;
    }

    private static final java.util.regex.Pattern ACCESS_KEY = java.util.regex.Pattern.compile("Credential=([^/]+)/");

    /** One member account's services. */
    private record Services(SimulatedAccount account, JsonServices json, QueryServices query, Ec2Service ec2,
                            RestServices rest) {
        Services(SimulatedAccount account) {
            this(account, new JsonServices(account), new QueryServices(account), new Ec2Service(account),
                    new RestServices(account));
        }

        Reply dispatch(AwsRequest r, FindingSinks sinks) {
            if ("events".equals(r.service()) && "PutEvents".equals(r.target())) {
                return sinks.putEvents(r);
            }
            if (!r.target().isEmpty()) {
                return json.serve(r);
            }
            Reply reply = ec2.serve(r);
            if (reply == null && !r.action().isEmpty()) {
                reply = query.serve(r);
            }
            return reply != null ? reply : rest.serve(r);
        }
    }

    private Reply dispatch(AwsRequest r) {
        if ("events".equals(r.service()) && "PutEvents".equals(r.target())) {
            return sinks.putEvents(r);
        }
        Reply imported = sinks.securityHub(r);
        if (imported != null) {
            return imported;
        }
        if (!r.target().isEmpty()) {
            return json.serve(r);
        }
        Reply reply = ec2.serve(r);
        if (reply == null && !r.action().isEmpty()) {
            reply = query.serve(r);
        }
        return reply != null ? reply : rest.serve(r);
    }

    /** A 501 in the request's own protocol, so the SDK surfaces the message. */
    private static Reply notImplemented(AwsRequest r, String message) {
        return error(r, 501, "NotImplemented", message);
    }

    /** The fault's answer, or null where the healthy answer is to be served (then possibly spoilt). */
    private Reply faulty(AwsRequest r, Fault fault) {
        String what = r.service() + " fault injected by the test";
        return switch (fault) {
            case ACCESS_DENIED -> error(r, 403, r.target().isEmpty() && !isRestJson(r) ? "AccessDenied"
                    : "AccessDeniedException", "not authorized: " + what);
            case THROTTLED -> error(r, 429, r.target().isEmpty() && !isRestJson(r) ? "Throttling"
                    : "ThrottlingException", "Rate exceeded: " + what);
            case SERVER_ERROR -> error(r, 500, "InternalFailure", what);
            case HTML_200 -> new Reply(200, "text/html", "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
                    + "<body><form action=\"/login\">Corporate proxy: please sign in</form></body></html>");
            case EMPTY_200 -> new Reply(200, "application/octet-stream", "");
            case SLOW -> {
                try {
                    Thread.sleep(slowAnswersTake);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield null;
            }
            case TRUNCATED -> null;
        };
    }

    private static boolean isRestJson(AwsRequest r) {
        return r.target().isEmpty() && Set.of("lambda", "guardduty", "bedrock").contains(r.service());
    }

    /** An error answer in the request's own protocol. */
    private static Reply error(AwsRequest r, int status, String code, String message) {
        if (!r.target().isEmpty()) {
            return Reply.jsonError(status, code, message);
        }
        if ("ec2".equals(r.service())) {
            return Reply.ec2Error(status, code, message);
        }
        if (!r.action().isEmpty()) {
            return Reply.queryError(status, code, message);
        }
        return isRestJson(r)
                ? new Reply(status, "application/json", "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}")
                : Reply.restXmlError(status, code, message);
    }

    private static String operation(AwsRequest r) {
        if (!r.target().isEmpty()) {
            return r.target();
        }
        if (!r.action().isEmpty()) {
            return r.action();
        }
        String sub = r.query().keySet().stream().findFirst().map(k -> "?" + k).orElse("");
        String path = r.path().replaceAll("/(?:i|vpc|subnet|fl|d|E)-?[A-Za-z0-9-]+", "/{id}");
        return r.method() + " " + ("s3".equals(r.service()) ? "/{bucket}" : path) + sub;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
