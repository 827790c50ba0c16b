package dev.noema.conversation;

/**
 * A file, image or artifact attached to a turn.
 *
 * @param name the file name or title as the export gives it; never null, may be empty
 * @param mediaType a MIME type when known, else null
 * @param content extracted text content when the export carries it, else null
 */
public record Attachment(String name, String mediaType, String content) {
  public Attachment {
    name = name == null ? "" : name;
  }
}
