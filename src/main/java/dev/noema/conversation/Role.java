package dev.noema.conversation;

/** Who a turn comes from, in the terms every export format can be mapped to. */
public enum Role {
  /** The human who wrote the prompt. */
  USER,
  /** The AI assistant that answered. */
  ASSISTANT,
  /** A system or developer message that set up the conversation. */
  SYSTEM,
  /** A tool call or a tool's output inside an assistant's answer. */
  TOOL
}
