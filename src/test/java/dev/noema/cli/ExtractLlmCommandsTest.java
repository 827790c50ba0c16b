package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.llm.ProviderStub;
import dev.noema.llm.ProviderStub.Reply;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI with an LLM, against local provider stubs that check each request as the service would:
 * the cost estimate, the call limit, provider faults in one line, and the same model options on
 * {@code import} as on {@code extract}. One imported sample for the class (the tests that write
 * import their own).
 */
class ExtractLlmCommandsTest {
  @TempDir static Path dir;
  private static String data;

  @BeforeAll
  static void importSample() {
    data = dir.resolve("kb").toString();
    CliRun imported =
        CliRun.of(
            "import",
            "--data",
            data,
            "--no-progress",
            "--no-extract",
            "import/samples/000_aecd9b8aaabbed65.txt");
    assertEquals(0, imported.exitCode(), imported.toString());
  }

  @Test
  void estimate_prints_calls_tokens_and_price_and_sends_nothing() throws IOException {
    try (ProviderStub stub = new ProviderStub(ProviderStub.Protocol.OPENAI)) {
      CliRun run =
          CliRun.of(
              "extract",
              "--data",
              data,
              "--llm",
              "openai:gpt-4o-mini",
              "--llm-base-url",
              stub.baseUrl(),
              "--estimate",
              "--price-per-million",
              "0.15,0.60");

      assertEquals(0, run.exitCode(), run.toString());
      assertEquals(0, stub.requests().size());
      assertTrue(
          run.out().startsWith("estimate for openai:gpt-4o-mini over 1 conversation(s)"),
          run.out());
      assertTrue(run.out().matches("(?s).*calls: [1-9]\\d* \\(0 more.*"), run.out());
      assertTrue(
          run.out().matches("(?s).*prompt tokens: [\\d,]+; expected output tokens: ~[\\d,]+.*"));
      assertTrue(run.out().contains("price: about 0.0"), run.out());
    }
  }

  @Test
  void max_calls_stops_cleanly_keeping_what_was_done_and_a_rerun_goes_on(@TempDir Path other)
      throws IOException {
    String kb = other.resolve("kb").toString();
    CliRun imported =
        CliRun.of(
            "import",
            "--data",
            kb,
            "--no-progress",
            "--no-extract",
            "src/test/resources/formats/chatgpt-conversations.json");
    assertEquals(0, imported.exitCode(), imported.toString());
    try (ProviderStub stub = new ProviderStub(ProviderStub.Protocol.OPENAI)) {
      String[] llm = {
        "extract",
        "--data",
        kb,
        "--extractor",
        "llm",
        "--llm",
        "openai:m",
        "--llm-base-url",
        stub.baseUrl(),
        "--parallel",
        "1"
      };
      CliRun limited = CliRun.of(concat(llm, "--max-calls", "1"));
      CliRun rest = CliRun.of(llm);

      assertEquals(0, limited.exitCode(), limited.toString());
      assertTrue(limited.out().contains("1 written"), limited.out());
      assertTrue(limited.out().contains("llm: stopped at the limit of 1 call(s); "), limited.out());
      assertTrue(limited.out().contains("left for the next run"), limited.out());
      assertEquals(0, rest.exitCode(), rest.toString());
      assertTrue(rest.out().contains("1 cache hit(s)"), rest.out());
    }
  }

  @Test
  void a_refused_request_stops_the_run_with_one_line_and_the_providers_reason() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(ProviderStub.Protocol.OPENAI)
            .script(Reply.error(400, "The model `gpt-5-turbo` does not exist"))) {
      CliRun run =
          CliRun.of(
              "extract",
              "--data",
              data,
              "--extractor",
              "llm",
              "--llm",
              "openai:gpt-5-turbo",
              "--llm-base-url",
              stub.baseUrl());

      assertEquals(1, run.exitCode(), run.toString());
      assertEquals(
          "  failed  llm: openai:gpt-5-turbo refused the request (HTTP 400): The model"
              + " `gpt-5-turbo` does not exist",
          run.err()
              .strip()
              .lines()
              .reduce((a, b) -> b)
              .orElseThrow()
              .stripTrailing()
              .replaceFirst("^\\s*", "  "));
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertEquals(1, stub.requests().size());
    }
  }

  @Test
  void a_refused_key_names_the_variable_to_set() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(ProviderStub.Protocol.OPENAI)
            .script(Reply.error(401, "Incorrect API key provided"))) {
      CliRun run =
          CliRun.of(
              "extract",
              "--data",
              data,
              "--extractor",
              "llm",
              "--llm",
              "openai:m",
              "--llm-base-url",
              stub.baseUrl());

      assertEquals(1, run.exitCode(), run.toString());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().strip().endsWith("set OPENAI_API_KEY to a valid key"), run.err());
    }
  }

  @Test
  void import_takes_the_same_model_options_as_extract(@TempDir Path other) throws IOException {
    try (ProviderStub stub = new ProviderStub(ProviderStub.Protocol.OLLAMA)) {
      CliRun run =
          CliRun.of(
              "import",
              "--data",
              other.resolve("kb").toString(),
              "--no-progress",
              "--llm",
              "ollama:llama3.1",
              "--llm-base-url",
              stub.baseUrl(),
              "--parallel",
              "2",
              "import/samples/000_aecd9b8aaabbed65.txt");

      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(stub.requests().size() > 0, "the import asked the LLM");
      assertEquals("/api/chat", stub.requests().get(0).path());
      assertEquals(java.util.List.of(), stub.rejected());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
