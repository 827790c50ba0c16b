/**
 * The dialogue as it was: conversations, their turns and who spoke them, read from every common
 * export format.
 *
 * <p>Owns the immutable conversation model ({@link dev.noema.conversation.Conversation}, {@link
 * dev.noema.conversation.Turn}), the format seam ({@link
 * dev.noema.conversation.ConversationFormat}) with one class per format, content-based format
 * detection, and the repair of doubly-encoded text ({@link dev.noema.conversation.MojibakeRepair}).
 * Depends on nothing else of Noema's and knows nothing of RDF.
 */
package dev.noema.conversation;
