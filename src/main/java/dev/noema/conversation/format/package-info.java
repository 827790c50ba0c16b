/**
 * One {@link dev.noema.conversation.ConversationFormat} per AI-chat export format, the streaming
 * JSON machinery they share, and {@link dev.noema.conversation.format.ConversationFormats}: the
 * standard formats in detection order, and detection by content.
 *
 * <p>The seam types (conversation model, format interface, sink, options) stay in {@code
 * dev.noema.conversation}; this package only implements them and wires them. JSON exports are read
 * with Jackson's streaming parser one conversation at a time, so an export of any size is read in
 * memory bounded by its largest conversation. Formats never repair text: the import pipeline
 * applies mojibake repair to every conversation centrally.
 */
package dev.noema.conversation.format;
