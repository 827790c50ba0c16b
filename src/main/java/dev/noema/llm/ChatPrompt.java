package dev.noema.llm;

import java.util.Objects;

/**
 * One request for a JSON answer.
 *
 * @param system the system message: instructions
 * @param user the user message: the data to work on
 * @param schemaName a name for the schema (OpenAI requires one)
 * @param schemaJson the JSON schema the answer must follow, as JSON text
 */
public record ChatPrompt(String system, String user, String schemaName, String schemaJson) {
  public ChatPrompt {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(schemaName, "schema name");
    Objects.requireNonNull(schemaJson, "schema");
  }
}
