package io.irready.events;

/**
 * What {@link EventParser} makes of one input item: a usable {@link CloudTrailEvent} or a
 * {@link MalformedEvent} saying why not. Parsing never throws on bad input, so one bad item
 * never loses the rest of a batch.
 */
public sealed interface ParsedEvent permits CloudTrailEvent, MalformedEvent {
}
