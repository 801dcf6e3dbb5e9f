package io.irready.events;

/**
 * An input item that is not a usable CloudTrail event.
 *
 * @param reason a sentence saying what is wrong; any input text quoted in it is already made
 *               printable and bounded (see {@link Reasons#quote}), but it is still attacker-influenced
 *               and must be escaped again before Slack or a console
 * @param position where the item was in the input: {@code "line 3"}, {@code "Records[7]"}, or {@code "input"}
 */
public record MalformedEvent(String reason, String position) implements ParsedEvent {
}
