package io.irready.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkProtocolMetadata;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.core.protocol.MarshallLocation;

/**
 * Refuses a successful (2xx) answer whose body is not the service's format. A corporate proxy's
 * login page or a captive portal answers HTTP 200 with HTML; the SDK's XML protocols read that as
 * an empty success ("no VPCs", "no trail bucket"), which would turn into PASS or NOT_APPLICABLE
 * verdicts on an account we never saw. Judged by the body, never by Content-Type: emulators label
 * JSON as text/html. The inspected prefix is bounded and handed back to the SDK unread.
 */
final class AnswerFormatGuard implements ExecutionInterceptor {
    static final String FAULT_CODE = "UnreadableAnswer";
    static final String MARK = "a proxy or captive portal may be intercepting AWS calls";
    private static final int INSPECTED_BYTES = 64 * 1024;
    private static final ExecutionAttribute<Boolean> EMPTY_BODY = new ExecutionAttribute<>("irready.emptyBody");

    private enum Format { JSON, QUERY_XML, REST_XML, OTHER }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (!context.httpResponse().isSuccessful()) {
            return body;
        }
        Format format = format(attributes);
        if (format == Format.OTHER) {
            return body;
        }
        byte[] prefix;
        try {
            prefix = body.isPresent() ? body.get().readNBytes(INSPECTED_BYTES) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the SDK reports a broken body as a client fault
        }
        String start = new String(prefix, StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
        if (start.isEmpty()) {
            // fine only for an operation without output payload; known once the SDK built the response
            attributes.putAttribute(EMPTY_BODY, true);
        } else if (!looksRight(format, start, operation(attributes))) {
            throw SdkClientException.builder().message(describe(attributes, context.httpResponse().statusCode(),
                    "a body that is not the service's " + (format == Format.JSON ? "JSON" : "XML")
                            + " (starts with '" + excerpt(start) + "')")).build();
        }
        InputStream replay = new ByteArrayInputStream(prefix);
        return Optional.of(body.isPresent() ? new SequenceInputStream(replay, body.get()) : replay);
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (Boolean.TRUE.equals(attributes.getAttribute(EMPTY_BODY)) && hasPayload(response)) {
            throw SdkClientException.builder().message(describe(attributes,
                    context.httpResponse().statusCode(), "an empty body where data was due")).build();
        }
        return response;
    }

    private static boolean looksRight(Format format, String start, String operation) {
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return false;
        }
        return switch (format) {
            case JSON -> start.startsWith("{");
            // query and EC2 answers always carry <OperationResponse> as their root element
            case QUERY_XML -> operation == null || rootElement(start).equals(operation + "Response");
            // REST-XML roots vary per operation (and S3 GetBucketPolicy answers JSON): only HTML is wrong
            case REST_XML, OTHER -> true;
        };
    }

    /** The first element's local name, after any XML declaration, comments or doctype. */
    private static String rootElement(String xml) {
        int i = 0;
        while (i < xml.length()) {
            int open = xml.indexOf('<', i);
            if (open < 0 || open + 1 >= xml.length()) {
                return "";
            }
            char next = xml.charAt(open + 1);
            if (next == '?' || next == '!') {
                int close = xml.indexOf('>', open);
                if (close < 0) {
                    return "";
                }
                i = close + 1;
                continue;
            }
            int end = open + 1;
            while (end < xml.length() && !Character.isWhitespace(xml.charAt(end)) && xml.charAt(end) != '>'
                    && xml.charAt(end) != '/') {
                end++;
            }
            String name = xml.substring(open + 1, end);
            return name.substring(name.indexOf(':') + 1);
        }
        return "";
    }

    private static boolean hasPayload(SdkResponse response) {
        return response.sdkFields().stream().map(SdkField::location).anyMatch(l -> l == MarshallLocation.PAYLOAD);
    }

    private static Format format(ExecutionAttributes attributes) {
        SdkProtocolMetadata metadata = attributes.getAttribute(SdkInternalExecutionAttribute.PROTOCOL_METADATA);
        String protocol = metadata == null ? "" : String.valueOf(metadata.serviceProtocol()).toLowerCase(Locale.ROOT);
        if (protocol.contains("cbor")) {
            return Format.OTHER;
        }
        if (protocol.contains("json")) {
            return Format.JSON;
        }
        if (protocol.equals("query") || protocol.equals("ec2")) {
            return Format.QUERY_XML;
        }
        return protocol.contains("xml") ? Format.REST_XML : Format.OTHER;
    }

    private static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private static String describe(ExecutionAttributes attributes, int status, String what) {
        String region = Optional.ofNullable(attributes.getAttribute(AwsExecutionAttribute.AWS_REGION))
                .map(Object::toString).orElse("?");
        String service = Optional.ofNullable(attributes.getAttribute(AwsExecutionAttribute.ENDPOINT_PREFIX))
                .orElse("?");
        return region + " " + service + ":" + operation(attributes) + " answered HTTP " + status + " with " + what
                + ": " + MARK;
    }

    private static String excerpt(String start) {
        String line = start.lines().findFirst().orElse("").strip();
        line = line.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
