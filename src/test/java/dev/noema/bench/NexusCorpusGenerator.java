package dev.noema.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a synthetic corpus of Nexus AI Chat Importer notes (one conversation per file, 1.2+
 * callout style), seeded, with Markdown that gives the structural extractor work: bold phrases,
 * headings, lists and comparison tables.
 */
public final class NexusCorpusGenerator {
  private static final String[] CONCEPTS = {
    "attention",
    "latent space",
    "emergence",
    "recursion",
    "ontology",
    "gradient descent",
    "tokenization",
    "interpretability",
    "memory",
    "topology",
    "energy landscape",
    "insight",
    "архитектура",
    "обучение",
    "интерпретация",
    "эмерджентность",
    "смысл",
    "внимание",
    "модуль",
    "гипотеза"
  };
  private static final String[] MODULES = {
    "RECURSIA", "OBSTRUCTIO", "INSIGHT", "MEMORIA", "CRITICA", "SYNTHESIS"
  };
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy 'at' HH:mm");

  private final Random random;

  public NexusCorpusGenerator(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Writes {@code conversations} files of {@code turnsPerConversation} turns each into {@code
   * folder}.
   */
  public long write(Path folder, int conversations, int turnsPerConversation) throws IOException {
    Files.createDirectories(folder);
    long bytes = 0;
    LocalDateTime time = LocalDateTime.of(2025, 1, 1, 9, 0);
    for (int c = 0; c < conversations; c++) {
      Path file = folder.resolve(String.format("conversation-%05d.md", c));
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(
            "---\nnexus: nexus-ai-chat-importer\nprovider: chatgpt\nconversation_id: "
                + new UUID(random.nextLong(), random.nextLong())
                + "\ntitle: Generated "
                + c
                + "\n---\n\n");
        for (int t = 0; t < turnsPerConversation; t++) {
          time = time.plusMinutes(1 + random.nextInt(5));
          boolean user = t % 2 == 0;
          out.write(user ? ">[!nexus_user] **User** - " : ">[!nexus_agent] **Assistant** - ");
          out.write(time.format(TIME));
          out.write("\n");
          for (String line : (user ? question() : answer()).split("\n", -1)) {
            out.write(line.isEmpty() ? ">\n" : "> " + line + "\n");
          }
          out.write("<!-- UID: " + new UUID(random.nextLong(), random.nextLong()) + " -->\n\n\n");
        }
      }
      bytes += Files.size(file);
    }
    return bytes;
  }

  private String concept() {
    return CONCEPTS[random.nextInt(CONCEPTS.length)];
  }

  private String question() {
    return "How does "
        + concept()
        + " relate to "
        + concept()
        + "? And what does "
        + MODULES[random.nextInt(3)]
        + " do with it?";
  }

  private String answer() {
    StringBuilder s = new StringBuilder();
    s.append("## ").append(capitalise(concept())).append(" and ").append(concept()).append("\n\n");
    s.append("The key idea is **")
        .append(concept())
        .append("**, which shapes *")
        .append(concept())
        .append("* through ")
        .append(MODULES[random.nextInt(MODULES.length)])
        .append(".\n\n");
    s.append("| Aspect | Industry view | Kirill's view |\n|---|---|---|\n");
    for (int r = 0; r < 3; r++) {
      s.append("| ")
          .append(capitalise(concept()))
          .append(" | ")
          .append("measured by ")
          .append(concept())
          .append(" | ")
          .append("a flow of ")
          .append(concept())
          .append(" |\n");
    }
    s.append("\n- ")
        .append(capitalise(concept()))
        .append(": the ")
        .append(concept())
        .append(" of ")
        .append(concept())
        .append("\n- ")
        .append(MODULES[random.nextInt(MODULES.length)])
        .append(" — ")
        .append(concept())
        .append("\n");
    return s.toString();
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
