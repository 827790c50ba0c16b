package dev.noema.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigTest {
  @TempDir Path kb;

  private void yaml(String text) throws IOException {
    Files.writeString(kb.resolve("noema.yaml"), text);
  }

  @Test
  void nothing_configured_means_no_llm() {
    assertEquals(Optional.empty(), LlmConfig.resolve(LlmSettings.NONE, Map.of(), kb));
  }

  @Test
  void flags_win_over_environment_which_wins_over_yaml() throws IOException {
    yaml(
        """
        llm:
          provider: ollama
          model: llama3.1
          parallel: 2
          timeout-seconds: 30
        """);
    LlmConfig fromYaml = LlmConfig.resolve(LlmSettings.NONE, Map.of(), kb).orElseThrow();
    assertEquals(LlmProvider.OLLAMA, fromYaml.provider());
    assertEquals("http://localhost:11434", fromYaml.baseUrl());
    assertEquals(2, fromYaml.parallel());
    assertEquals(Duration.ofSeconds(30), fromYaml.timeout());

    Map<String, String> env =
        Map.of(
            "NOEMA_LLM",
            "ollama:qwen2.5:7b",
            "OLLAMA_BASE_URL",
            "http://gpu:11434",
            "NOEMA_LLM_PARALLEL",
            "8");
    LlmConfig fromEnv = LlmConfig.resolve(LlmSettings.NONE, env, kb).orElseThrow();
    assertEquals("qwen2.5:7b", fromEnv.model());
    assertEquals("http://gpu:11434", fromEnv.baseUrl());
    assertEquals(8, fromEnv.parallel());

    LlmSettings flags =
        LlmSettings.ofSpec("openai:gpt-4o-mini", "--llm")
            .over(
                new LlmSettings(null, null, "http://localhost:8000/v1", null, null, 3, null, null));
    LlmConfig fromFlags = LlmConfig.resolve(flags, env, kb).orElseThrow();
    assertEquals(LlmProvider.OPENAI, fromFlags.provider());
    assertEquals("gpt-4o-mini", fromFlags.model());
    assertEquals("http://localhost:8000/v1", fromFlags.baseUrl());
    assertEquals(3, fromFlags.parallel());
    // yaml's values belong to ollama, so openai gets the defaults, not yaml's timeout.
    assertEquals(LlmConfig.DEFAULT_TIMEOUT, fromFlags.timeout());
  }

  @Test
  void price_per_million_comes_from_the_flag_or_noema_yaml_and_a_bad_one_is_named()
      throws IOException {
    yaml(
        """
        llm:
          provider: openai
          model: gpt-4o-mini
          base-url: http://localhost:8000/v1
          price-per-million: 0.15,0.60
        """);
    LlmConfig fromYaml = LlmConfig.resolve(LlmSettings.NONE, Map.of(), kb).orElseThrow();
    assertEquals(new TokenPrice(0.15, 0.60), fromYaml.price());
    assertEquals(0.45, fromYaml.price().cost(1_000_000, 500_000), 1e-9);

    LlmSettings flag =
        new LlmSettings(null, null, null, null, null, null, null, new TokenPrice(3, 15));
    assertEquals(
        new TokenPrice(3, 15), LlmConfig.resolve(flag, Map.of(), kb).orElseThrow().price());

    yaml("llm:\n  provider: openai\n  model: m\n  price-per-million: cheap\n");
    LlmException e =
        assertThrows(LlmException.class, () -> LlmConfig.resolve(LlmSettings.NONE, Map.of(), kb));
    assertTrue(
        e.getMessage()
            .endsWith(
                "llm.price-per-million: expected INPUT,OUTPUT prices per"
                    + " million tokens (0.15,0.60), got 'cheap'"),
        e.getMessage());
  }

  @Test
  void key_comes_from_the_providers_variable_and_is_never_printed() {
    LlmConfig config =
        LlmConfig.resolve(
                LlmSettings.NONE,
                Map.of(
                    "NOEMA_LLM",
                    "anthropic:claude-3-5-haiku-latest",
                    "ANTHROPIC_API_KEY",
                    "sk-ant-secret-123"),
                kb)
            .orElseThrow();

    assertEquals("sk-ant-secret-123", config.apiKey());
    assertFalse(config.toString().contains("sk-ant-secret-123"), config.toString());
    assertFalse(
        new LlmSettings(null, null, null, "sk-ant-secret-123", null, null, null, null)
            .toString()
            .contains("secret"));
  }

  @Test
  void a_provider_needing_a_key_for_its_default_endpoint_says_which_variable() {
    LlmException e =
        assertThrows(
            LlmException.class,
            () ->
                LlmConfig.resolve(LlmSettings.NONE, Map.of("NOEMA_LLM", "openai:gpt-4o-mini"), kb));

    assertEquals(
        "OPENAI_API_KEY is not set (needed for openai at https://api.openai.com/v1)",
        e.getMessage());
  }

  @Test
  void bad_sources_give_one_line_naming_them() throws IOException {
    assertEquals(
        "NOEMA_LLM: unknown provider 'gemini' (known: openai, anthropic, ollama)",
        assertThrows(
                LlmException.class,
                () -> LlmConfig.resolve(LlmSettings.NONE, Map.of("NOEMA_LLM", "gemini:pro"), kb))
            .getMessage());
    yaml("llm:\n  provider: ollama\n  modle: llama3\n");
    String message =
        assertThrows(LlmException.class, () -> LlmConfig.resolve(LlmSettings.NONE, Map.of(), kb))
            .getMessage();
    assertTrue(message.contains("noema.yaml: unknown key 'llm.modle'"), message);
    yaml("llm: [unclosed\n");
    message =
        assertThrows(LlmException.class, () -> LlmConfig.resolve(LlmSettings.NONE, Map.of(), kb))
            .getMessage();
    assertTrue(message.contains("noema.yaml: line"), message);
  }
}
