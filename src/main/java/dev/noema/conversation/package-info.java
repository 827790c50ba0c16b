/**
 * The dialogue as it was: conversations, their turns and who spoke them, and the seam through which
 * every export format is read.
 *
 * <p>Owns the immutable conversation model ({@link dev.noema.conversation.Conversation}, {@link
 * dev.noema.conversation.Turn}), the format seam ({@link
 * dev.noema.conversation.ConversationFormat}, {@link dev.noema.conversation.ConversationSink},
 * {@link dev.noema.conversation.ReadOptions}), the sources a path expands to ({@link
 * dev.noema.conversation.LogSources}), the text encodings of files, reading of written times, and
 * the repair of doubly-encoded text ({@link dev.noema.conversation.MojibakeRepair}). The formats
 * themselves and the list of standard formats live in {@code dev.noema.conversation.format}, which
 * builds on this package. Depends on nothing else of Noema's and knows nothing of RDF.
 */
package dev.noema.conversation;
