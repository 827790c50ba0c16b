package dev.noema.prompt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads evaluation questions from a JSON or YAML file: a list of {question, expected_facts,
 * expected_turns}.
 */
public final class EvalQuestions {
  private EvalQuestions() {}

  /**
   * The questions of {@code file}, in file order. YAML for {@code .yaml}/{@code .yml}, JSON
   * otherwise.
   *
   * @throws QuestionFileException naming the file and the line (parse errors, unknown fields) or
   *     the entry (a missing question, an entry that expects nothing)
   */
  public static List<EvalQuestion> read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper =
        name.endsWith(".yaml") || name.endsWith(".yml")
            ? new ObjectMapper(new YAMLFactory())
            : new ObjectMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    List<EvalQuestion> questions;
    try {
      questions =
          mapper.readValue(Files.readString(file), new TypeReference<List<EvalQuestion>>() {});
    } catch (NoSuchFileException e) {
      throw new QuestionFileException(file + ": no such file");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr();
      throw new QuestionFileException(
          file + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new QuestionFileException(file + ": cannot read: " + e.getMessage());
    }
    if (questions == null || questions.isEmpty()) {
      throw new QuestionFileException(
          file
              + ": no questions (expected a list of {question, expected_facts,"
              + " expected_turns})");
    }
    for (int i = 0; i < questions.size(); i++) {
      EvalQuestion q = questions.get(i);
      if (q == null || q.question() == null || q.question().isBlank()) {
        throw new QuestionFileException(
            file + ": question " + (i + 1) + ": the question text is missing");
      }
      if (q.expectedFacts().isEmpty()
          && q.expectedTurns().isEmpty()
          && q.expectedAnswer() == null) {
        throw new QuestionFileException(
            file
                + ": question "
                + (i + 1)
                + " ("
                + q.question()
                + "): give expected_facts, expected_turns or expected_answer");
      }
    }
    return questions;
  }
}
