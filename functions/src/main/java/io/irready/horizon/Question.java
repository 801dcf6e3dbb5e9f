package io.irready.horizon;

import java.util.List;

/** The questions an investigator asks first, each with the evidence sources that can answer it. */
public enum Question {
    WHO_CALLED_THE_API("Who called the API?",
            List.of(Source.TRAIL_BUCKET, Source.TRAIL_LOG_GROUP, Source.EVENT_HISTORY, Source.CLOUDTRAIL_LAKE)),
    WHAT_CROSSED_THE_NETWORK("What crossed the network?", List.of(Source.FLOW_LOGS, Source.DNS_QUERY_LOGS)),
    WHAT_RAN_ON_THE_INSTANCE("What ran on the instance?", List.of(Source.HOST_LOGS)),
    WHAT_WAS_READ_FROM_S3("What was read from S3?", List.of(Source.S3_DATA_EVENTS)),
    WHAT_HIT_THE_WEB_FRONT_DOOR("What hit the web front door?",
            List.of(Source.ELB_LOGS, Source.CLOUDFRONT_LOGS, Source.WAF_LOGS, Source.API_GATEWAY_LOGS));

    private final String text;
    private final List<Source> sources;

    Question(String text, List<Source> sources) {
        this.text = text;
        this.sources = sources;
    }

    public String text() {
        return text;
    }

    public List<Source> sources() {
        return sources;
    }
}
